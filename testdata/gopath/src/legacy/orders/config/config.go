// Package config reads the service's parameters with aws-sdk-go-v2 before
// 1.0. The tree has no go.mod: it is GOPATH-era code. All values are
// synthetic.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Param reads a decrypted parameter.
func Param(ctx context.Context, c *ssm.Client, name string) (string, error) {
	req := c.GetParameterRequest(&ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	resp, err := req.Send(ctx)
	if err != nil {
		return "", err
	}
	return aws.StringValue(resp.Parameter.Value), nil
}

// DBPassword reads the database password.
func DBPassword(ctx context.Context, c *ssm.Client) (string, error) {
	req := c.GetParameterRequest(&ssm.GetParameterInput{Name: aws.String("/orders/prd/db/password"), WithDecryption: aws.Bool(true)}) // want "db-credential-in-parameter-store"
	resp, err := req.Send(ctx)
	if err != nil {
		return "", err
	}
	return aws.StringValue(resp.Parameter.Value), nil
}
