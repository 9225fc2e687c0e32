// Package types is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/service/secretsmanager/types.
package types

// SecretValueEntry is one secret of a BatchGetSecretValue.
type SecretValueEntry struct {
	ARN          *string
	Name         *string
	SecretBinary []byte
	SecretString *string
}
