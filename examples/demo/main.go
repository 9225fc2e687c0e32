// Command orders serves the order API.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/orders/internal/billing"
	"example.com/orders/internal/store"
)

func main() {
	db, err := sql.Open("mysql", store.DSN())
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	// Good: the listen address is configuration, read from the environment.
	addr := os.Getenv("ORDERS_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	http.Handle("/charge", billing.Handler(db))
	log.Fatal(http.ListenAndServe(addr, nil))
}
