// Package auth is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/feature/rds/auth.
package auth

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// BuildAuthToken returns an IAM authentication token.
func BuildAuthToken(ctx context.Context, endpoint, region, dbUser string, creds aws.CredentialsProvider, optFns ...func(*BuildAuthTokenOptions)) (string, error) {
	return endpoint + region + dbUser, nil
}

type BuildAuthTokenOptions struct{}
