// Package v0app reads Parameter Store with aws-sdk-go-v2 v0.x. All
// values are synthetic.
package v0app

import (
	"context"
	"database/sql"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func byName(ctx context.Context, c *ssm.Client) (string, error) {
	req := c.GetParameterRequest(&ssm.GetParameterInput{Name: aws.String("/orders/prd/db/password"), WithDecryption: aws.Bool(true)}) // want `^DB password read from Parameter Store parameter "/orders/prd/db/password"`
	resp, err := req.Send(ctx)
	if err != nil {
		return "", err
	}
	return aws.StringValue(resp.Parameter.Value), nil
}

func bySink(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	req := c.GetParameterRequest(&ssm.GetParameterInput{Name: aws.String("/orders/prd/conn"), WithDecryption: aws.Bool(true)}) // want `^DB password read from Parameter Store parameter "/orders/prd/conn" \(reaches sql.Open`
	resp, err := req.Send(ctx)
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", *resp.Parameter.Value)
}

func config(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	req := c.GetParameterRequest(&ssm.GetParameterInput{Name: aws.String("/orders/prd/db/host")})
	resp, err := req.Send(ctx)
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://"+*resp.Parameter.Value+"/orders")
}

func secretLogged(ctx context.Context, sm *secretsmanager.Client) {
	req := sm.GetSecretValueRequest(&secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/orders/api")})
	resp, err := req.Send(ctx)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("name %s", aws.StringValue(resp.Name))
	log.Printf("key %s", aws.StringValue(resp.SecretString)) // want `^secret "prd/orders/api" read from Secrets Manager reaches log.Printf$`
}
