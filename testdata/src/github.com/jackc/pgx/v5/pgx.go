// Package pgx is a minimal stand-in for github.com/jackc/pgx/v5.
package pgx

import "context"

type Conn struct{}

type ConnConfig struct {
	Host     string
	User     string
	Password string
}

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }
func ParseConfig(connString string) (*ConnConfig, error)            { return &ConnConfig{}, nil }
func ConnectConfig(ctx context.Context, cfg *ConnConfig) (*Conn, error) {
	return &Conn{}, nil
}
