// Package store opens the orders database.
package store

import (
	"fmt"
	"os"
)

// PasswordField is the JSON field that carries a password: a name, not a secret.
const PasswordField = "password"

// dbPasswordEnv names the variable the password is read from.
const dbPasswordEnv = "DB_PASSWORD"

// The production DSN was pasted here during an incident and never removed.
const legacyDSN = "orders:EmzqhvI9JcdM@tcp(orders-db.internal:3306)/orders"

// DSN returns the data source name of the orders database.
func DSN() string {
	if os.Getenv("ORDERS_LEGACY_DB") != "" {
		return legacyDSN
	}
	// A real-looking fallback is a hard-coded password all the same.
	password := getenv(dbPasswordEnv, "Xq4tGbudOV7r")
	return fmt.Sprintf("orders:%s@tcp(%s)/orders", password, os.Getenv("DB_HOST"))
}

func getenv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
