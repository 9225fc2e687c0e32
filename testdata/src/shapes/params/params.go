// Package params builds parameter names and reads them, as services do.
package params

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Key joins the parts of a parameter name.
func Key(parts ...string) string { return "/" + strings.Join(parts, "/") }

// Store reads parameters.
type Store struct{ c *ssm.Client }

// Get reads a decrypted parameter.
func (s *Store) Get(ctx context.Context, name string) (string, error) { // want Get:"store"
	out, err := s.c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
