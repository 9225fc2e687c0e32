// Package pgxpool is a minimal stand-in for github.com/jackc/pgx/v5/pgxpool.
package pgxpool

import "context"

type Pool struct{}

func New(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }
