// Package paramstore wraps Parameter Store for the fixtures of
// db-credential-in-parameter-store: its facts carry the reads to the
// importing package.
package paramstore

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Config reads configuration from Parameter Store.
type Config struct{ Client *ssm.Client }

// GetSecret reads a parameter: a misleading name, it wraps GetParameter.
func (c *Config) GetSecret(ctx context.Context, name string) (string, error) {
	out, err := c.Client.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Connection reads a parameter whose name does not tell what it holds.
func Connection(ctx context.Context, c *ssm.Client) string {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/conn"), WithDecryption: aws.Bool(true)})
	return *out.Parameter.Value
}

// Host reads the database host.
func Host(ctx context.Context, c *ssm.Client) string {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/db/host")})
	return *out.Parameter.Value
}
