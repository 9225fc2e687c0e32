// Package credentials is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/credentials.
package credentials

import "github.com/aws/aws-sdk-go-v2/aws"

// StaticCredentialsProvider returns fixed credentials.
type StaticCredentialsProvider struct {
	Value aws.Credentials
}

// Retrieve returns the credentials.
func (s StaticCredentialsProvider) Retrieve() (aws.Credentials, error) { return s.Value, nil }

// NewStaticCredentialsProvider returns a provider of fixed credentials.
func NewStaticCredentialsProvider(key, secret, session string) StaticCredentialsProvider {
	return StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: key, SecretAccessKey: secret, SessionToken: session}}
}
