// Package pq is a minimal stand-in for github.com/lib/pq.
package pq

type Connector struct{}

func NewConnector(dsn string) (*Connector, error) { return &Connector{}, nil }
