// Package db opens the database with what package config reads. All
// values are synthetic.
package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/jinzhu/gorm"

	"legacy/orders/config"
)

// Open opens the database.
func Open(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	conn, err := config.Param(ctx, c, "/orders/prd/conn") // want "db-credential-in-parameter-store"
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", conn)
}

// Legacy opens the database through an ORM that is not available.
func Legacy(ctx context.Context, c *ssm.Client) (*gorm.DB, error) {
	pass, err := config.Param(ctx, c, "/orders/prd/legacy/db_password") // want "db-credential-in-parameter-store"
	if err != nil {
		return nil, err
	}
	return gorm.Open("postgres", fmt.Sprintf("host=db.internal user=orders password=%s dbname=orders", pass))
}

// Hosts reads configuration, not secrets.
func Hosts(ctx context.Context, c *ssm.Client) (string, error) {
	return config.Param(ctx, c, "/orders/prd/db/host")
}

const fallbackDSN = "postgres://orders:Tq8mZx3Lw6Kv@db.internal/orders" // want "credential-in-connection-string"
