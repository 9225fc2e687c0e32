// Package ifacestore reads its database password through interfaces // want package:"storeFacts"
// declared and implemented in the same package. All values are
// synthetic.
package ifacestore

import (
	"context"
	"database/sql"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

type paramReader interface {
	Read(ctx context.Context, name string) (string, error)
}

type ssmReader struct{ c *ssm.Client }

func (r ssmReader) Read(ctx context.Context, name string) (string, error) { // want Read:"store"
	out, err := r.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

type service struct{ params paramReader }

func (s *service) open(ctx context.Context) (*sql.DB, error) {
	pw, err := s.params.Read(ctx, "/billing/prd/db/password") // want `^DB password read from Parameter Store parameter "/billing/prd/db/password" \(reaches sql.Open in ifacestore.go:\d+\)`
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://billing:"+pw+"@db.internal/billing")
}

func (s *service) host(ctx context.Context) (*sql.DB, error) {
	host, _ := s.params.Read(ctx, "/billing/prd/db/host")
	return sql.Open("postgres", "postgres://billing@"+host+"/billing")
}

// Implemented by an environment reader only.

type lookup interface {
	Value(name string) string
}

type envLookup struct{}

func (envLookup) Value(name string) string { return os.Getenv(name) }

func goodEnv(l lookup) (*sql.DB, error) {
	return sql.Open("postgres", "postgres://billing:"+l.Value("/billing/prd/db/password")+"@db.internal/billing")
}

// Implemented by a Secrets Manager reader only.

type secretReader interface {
	Secret(ctx context.Context, id string) (string, error)
}

type smReader struct{ c *secretsmanager.Client }

func (r *smReader) Secret(ctx context.Context, id string) (string, error) { // want Secret:"store"
	out, err := r.c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SecretString), nil
}

func goodSecretsManager(ctx context.Context, r secretReader) (*sql.DB, error) {
	pw, _ := r.Secret(ctx, "billing/prd/db/password")
	return sql.Open("postgres", "postgres://billing:"+pw+"@db.internal/billing")
}

// Two implementations that disagree: Parameter Store and the environment.

type config interface {
	Setting(ctx context.Context, name string) (string, error)
}

type ssmConfig struct{ c *ssm.Client }

func (s ssmConfig) Setting(ctx context.Context, name string) (string, error) { // want Setting:"store"
	out, err := s.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

type envConfig struct{}

func (envConfig) Setting(_ context.Context, name string) (string, error) { return os.Getenv(name), nil }

func goodDisagree(ctx context.Context, c config) (*sql.DB, error) {
	pw, _ := c.Setting(ctx, "/billing/prd/db/password")
	return sql.Open("postgres", "postgres://billing:"+pw+"@db.internal/billing")
}

// Two Parameter Store implementations under different prefixes: the call
// reads one of their names.

type keyStore interface {
	Key(ctx context.Context, name string) (string, error)
}

type prdKeys struct{ c *ssm.Client }

func (k prdKeys) Key(ctx context.Context, name string) (string, error) { // want Key:"store"
	out, err := k.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/prd/" + name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

type stgKeys struct{ c *ssm.Client }

func (k stgKeys) Key(ctx context.Context, name string) (string, error) { // want Key:"store"
	out, err := k.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/stg/" + name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

func badTwoNames(ctx context.Context, k keyStore) (string, error) { // want badTwoNames:"store"
	return k.Key(ctx, "billing/db/password") // want `^DB password read from Parameter Store parameter "/prd/billing/db/password"`
}

func goodTwoNames(ctx context.Context, k keyStore) (string, error) { // want goodTwoNames:"store"
	return k.Key(ctx, "billing/log-level")
}
