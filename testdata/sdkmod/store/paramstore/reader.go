package paramstore

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Reader reads parameters by name; its implementation reads Parameter
// Store.
type Reader interface {
	Read(ctx context.Context, name string) (string, error)
}

type ssmReader struct{ c *ssm.Client }

// NewReader returns the Parameter Store implementation of Reader.
func NewReader(c *ssm.Client) Reader { return ssmReader{c: c} }

func (r ssmReader) Read(ctx context.Context, name string) (string, error) {
	out, err := r.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
