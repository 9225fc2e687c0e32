// Package mysql is a minimal stand-in for github.com/go-sql-driver/mysql,
// with the shapes the analyzer's fixtures use.
package mysql

// Config is a DSN configuration.
type Config struct {
	User   string
	Passwd string
	Net    string
	Addr   string
	DBName string
}

// FormatDSN formats the configuration as a DSN.
func (c *Config) FormatDSN() string { return c.User + "@" + c.Net + "(" + c.Addr + ")/" + c.DBName }

// Connector is a database/sql/driver.Connector.
type Connector struct{ cfg *Config }

// NewConnector returns a connector for cfg.
func NewConnector(cfg *Config) (*Connector, error) { return &Connector{cfg: cfg}, nil }
