// Package params reads configuration through interfaces, as services do: // want package:"storeFacts"
// the interfaces and their implementations live here, their callers in
// other packages. All values are synthetic.
package params

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// Store reads parameters; its only implementation reads Parameter Store.
type Store interface {
	Get(ctx context.Context, name string) (string, error)
}

type ssmStore struct{ c *ssm.Client }

// New returns the Parameter Store implementation of Store.
func New(c *ssm.Client) Store { return &ssmStore{c: c} }

func (s *ssmStore) Get(ctx context.Context, name string) (string, error) { // want Get:"store"
	out, err := s.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// Legacy reads parameters with the first SDK generation.
type Legacy interface {
	Param(name string) (string, error)
}

// LegacyStore implements Legacy with aws-sdk-go.
type LegacyStore struct{ C *ssmv1.SSM }

func (s LegacyStore) Param(name string) (string, error) { // want Param:"store"
	out, err := s.C.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String(name), WithDecryption: awsv1.Bool(true)})
	if err != nil {
		return "", err
	}
	return awsv1.StringValue(out.Parameter.Value), nil
}

// Env is implemented by an environment reader only.
type Env interface {
	Lookup(name string) (string, error)
}

// OSEnv implements Env.
type OSEnv struct{}

func (OSEnv) Lookup(name string) (string, error) { return os.Getenv(name), nil }

// Secrets is implemented by a Secrets Manager reader.
type Secrets interface {
	Secret(ctx context.Context, id string) (string, error)
}

// SecretsReader implements Secrets.
type SecretsReader struct{ C *secretsmanager.Client }

func (r *SecretsReader) Secret(ctx context.Context, id string) (string, error) { // want Secret:"store"
	out, err := r.C.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SecretString), nil
}

// Source has two implementations that disagree: one reads Parameter
// Store, one Secrets Manager.
type Source interface {
	Fetch(ctx context.Context, name string) (string, error)
}

// ParamSource implements Source with Parameter Store.
type ParamSource struct{ C *ssm.Client }

func (p ParamSource) Fetch(ctx context.Context, name string) (string, error) { // want Fetch:"store"
	out, err := p.C.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}

// SecretSource implements Source with Secrets Manager.
type SecretSource struct{ C *secretsmanager.Client }

func (s SecretSource) Fetch(ctx context.Context, name string) (string, error) { // want Fetch:"store"
	out, err := s.C.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SecretString), nil
}
