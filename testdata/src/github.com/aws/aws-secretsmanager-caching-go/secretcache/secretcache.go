// Package secretcache is a minimal stand-in for
// github.com/aws/aws-secretsmanager-caching-go/secretcache.
package secretcache

import "context"

// Cache caches secrets of Secrets Manager.
type Cache struct{}

// New returns a cache.
func New(optFns ...func(*Cache)) (*Cache, error) { return &Cache{}, nil }

// GetSecretString returns the cached string of a secret.
func (c *Cache) GetSecretString(secretID string) (string, error) { return "", nil }

// GetSecretStringWithContext returns the cached string of a secret.
func (c *Cache) GetSecretStringWithContext(ctx context.Context, secretID string) (string, error) {
	return "", nil
}
