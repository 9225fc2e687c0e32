package store

import (
	"context"
	"database/sql"

	"example.com/sdkmod/store/paramstore"
)

// Reads through an interface whose implementation, in another package,
// reads Parameter Store.

func badInterface(ctx context.Context, r paramstore.Reader) (*sql.DB, error) {
	pw, err := r.Read(ctx, "/orders/prd/db/password") // want "^DB password read from Parameter Store parameter \"/orders/prd/db/password\" \\(reaches sql.Open in iface.go:\\d+\\)"
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

func goodInterfaceHost(ctx context.Context, r paramstore.Reader) (*sql.DB, error) {
	host, err := r.Read(ctx, "/orders/prd/db/host")
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://app@"+host+"/orders")
}
