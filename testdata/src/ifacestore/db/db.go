// Package db reads its database password through the interfaces of
// package params: the interfaces' implementations decide whether the read
// is a Parameter Store read. All values are synthetic.
package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/go-sql-driver/mysql"

	"ifacestore/params"
)

// Held in a field.

type repo struct{ params params.Store }

func (r *repo) open(ctx context.Context) (*sql.DB, error) {
	pw, err := r.params.Get(ctx, "/app/prd/db/password") // want `^DB password read from Parameter Store parameter "/app/prd/db/password" \(reaches sql.Open in db.go:\d+\); DB credentials`
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", fmt.Sprintf("postgres://app:%s@db.internal:5432/orders", pw))
}

// Given as a parameter, and assigned to a credential.

func badParameter(ctx context.Context, s params.Store) (*sql.DB, error) {
	pw, err := s.Get(ctx, "/app/prd/db/password") // want `^DB password read from Parameter Store parameter "/app/prd/db/password" \(reaches field Passwd of mysql.Config in db.go:\d+\)`
	if err != nil {
		return nil, err
	}
	cfg := mysql.Config{User: "app", Passwd: pw, Net: "tcp", Addr: "db.internal:3306"}
	return sql.Open("mysql", cfg.FormatDSN())
}

// Returned from a constructor.

func badConstructor(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	s := params.New(c)
	pw, err := s.Get(ctx, "/app/prd/db/password") // want `^DB password read from Parameter Store parameter "/app/prd/db/password"`
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

// The name does not tell; the value reaches the password of a DSN.

func badBySink(ctx context.Context, s params.Store) (*sql.DB, error) {
	pw, _ := s.Get(ctx, "/app/prd/orders/main") // want `^DB password read from Parameter Store parameter "/app/prd/orders/main" \(reaches sql.Open in db.go:\d+\)`
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

// The first SDK generation behind the interface.

func badLegacy(l params.Legacy) (*sql.DB, error) {
	pw, _ := l.Param("/app/prd/db/password") // want `^DB password read from Parameter Store parameter "/app/prd/db/password"`
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

// An interface declared here, filled with the implementation of package
// params.

type getter interface {
	Get(ctx context.Context, name string) (string, error)
}

func badLocalInterface(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	var g getter = params.New(c)
	pw, _ := g.Get(ctx, "/app/prd/db/password") // want `^DB password read from Parameter Store parameter "/app/prd/db/password"`
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

// Traps.

func goodHost(ctx context.Context, s params.Store) (*sql.DB, error) {
	host, _ := s.Get(ctx, "/app/prd/db/host")
	return sql.Open("postgres", "postgres://app@"+host+"/orders")
}

func goodEnv(e params.Env) (*sql.DB, error) {
	pw, _ := e.Lookup("/app/prd/db/password")
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

func goodSecretsManager(ctx context.Context, s params.Secrets) (*sql.DB, error) {
	pw, _ := s.Secret(ctx, "/app/prd/db/password")
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}

func goodDisagree(ctx context.Context, s params.Source) (*sql.DB, error) {
	pw, _ := s.Fetch(ctx, "/app/prd/db/password")
	return sql.Open("postgres", "postgres://app:"+pw+"@db.internal/orders")
}
