// Package storetests checks the test policy of the store rules: a mock of
// the client in a _test.go file is no Parameter Store read.
package storetests

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

type getter interface {
	GetParameter(ctx context.Context, in *ssm.GetParameterInput, optFns ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
}

func load(ctx context.Context, g getter, in *ssm.GetParameterInput) string {
	out, _ := g.GetParameter(ctx, in)
	return *out.Parameter.Value
}
