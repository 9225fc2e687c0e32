// Package illtypedstore does not type-check: the store checks still
// follow the statements that do. All values are synthetic.
package illtypedstore

import (
	"context"
	"database/sql"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func open(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	cfg := &aws.Config{Endpoint: "db.internal"} // a field the stand-in lacks
	useConfig(cfg)
	undefinedInit()
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/svc/prd/conn"), WithDecryption: aws.Bool(true)}) // want `^DB password read from Parameter Store parameter "/svc/prd/conn" \(reaches sql.Open`
	if err != nil {
		missingLogger.Print(err)
		return nil, err
	}
	return sql.Open("postgres", *out.Parameter.Value)
}

func useConfig(*aws.Config) {}
