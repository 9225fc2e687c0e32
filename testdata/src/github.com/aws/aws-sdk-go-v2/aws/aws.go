// Package aws is a minimal stand-in for github.com/aws/aws-sdk-go-v2/aws.
package aws

// Credentials are AWS credentials.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	Source          string
}

// CredentialsProvider provides credentials.
type CredentialsProvider interface {
	Retrieve() (Credentials, error)
}

// Config is an SDK configuration.
type Config struct {
	Region      string
	Credentials CredentialsProvider
}

// String returns a pointer to v.
func String(v string) *string { return &v }

// ToString returns the string p points to, or "".
func ToString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }
