// Package ssm is a local package that happens to be named ssm: it wraps
// Secrets Manager, and its calls are not Parameter Store reads.
package ssm

// GetParameterInput mimics the SDK's name.
type GetParameterInput struct{ Name *string }

// Store reads secrets from Secrets Manager.
type Store struct{}

// GetParameter returns a secret.
func (Store) GetParameter(in *GetParameterInput) (string, error) { return "", nil }
