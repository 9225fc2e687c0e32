// Package credentialinconnectionstring is the fixture of the
// credential-in-connection-string rule. All values are synthetic.
package credentialinconnectionstring

import (
	"database/sql"
	"fmt"
)

const dsn = "postgres://app:Vq7rT2xLm9@db.internal:5432/app?sslmode=require" // want `^password inline in postgres connection string in const dsn$`

func badOpen() (*sql.DB, error) {
	return sql.Open("mysql", "app:nnyCTvSwL3K0w2@tcp(db.internal:3306)/shop") // want `^password inline in go-sql-driver connection string in argument dataSourceName of sql.Open$`
}

var libpq = "host=db.internal user=app password=Xq3vR8tLm2 dbname=app" // want `^password inline in key=value connection string in var libpq$`

const dbHost = "db.internal"

// Only the folded constant has the whole URL.
const mysqlURL = "mysql://app:SRUkvcXgpv6bCS@" + dbHost + "/app" // want `^password inline in mysql connection string in const mysqlURL$`

// A credential name too: the connection-string rule has the higher precedence.
var dbCredentials = "postgres://app:3jGIeYOjtNAv1r@db.internal/app" // want `^password inline in postgres connection string in var dbCredentials$`

// An AWS key as the password: the token rule has the higher precedence.
var keyAsPassword = "postgres://app:AKIA2ZXDQTGSPBGUOWXB@db.internal/app" // want `^hard-coded AWS access key ID in var keyAsPassword$`

// Templates, references and URLs without passwords.

func goodSprintf(u, p, h string) string {
	return fmt.Sprintf("postgres://%s:%s@%s/app", u, p, h)
}

var (
	envTemplate = "postgres://app:${DB_PASSWORD}@db.internal/app"
	userOnly    = "postgres://app@db.internal/app"
	masked      = "redis://:********@cache.internal:6379/0"
	plainURL    = "https://example.com/docs/password-reset"
	kvTemplate  = "host=%s user=%s password=%s dbname=app"
)
