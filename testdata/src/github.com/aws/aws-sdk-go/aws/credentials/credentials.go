// Package credentials is a minimal stand-in for
// github.com/aws/aws-sdk-go/aws/credentials (SDK v1).
package credentials

// Value is a set of AWS credentials.
type Value struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	ProviderName    string
}

// Credentials wraps a provider.
type Credentials struct{ v Value }

// NewStaticCredentials returns fixed credentials.
func NewStaticCredentials(id, secret, token string) *Credentials {
	return &Credentials{v: Value{AccessKeyID: id, SecretAccessKey: secret, SessionToken: token}}
}

// NewStaticCredentialsFromCreds returns fixed credentials.
func NewStaticCredentialsFromCreds(creds Value) *Credentials { return &Credentials{v: creds} }
