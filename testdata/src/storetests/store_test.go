package storetests

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

type mockSSM struct{ value string }

func (m mockSSM) GetParameter(ctx context.Context, in *ssm.GetParameterInput, optFns ...func(*ssm.Options)) (*ssm.GetParameterOutput, error) {
	return &ssm.GetParameterOutput{Parameter: &types.Parameter{Value: aws.String(m.value)}}, nil
}

func TestMock(t *testing.T) {
	m := mockSSM{value: "x"}
	m.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/app/prd/db/password")})
}

func TestRealClient(t *testing.T) {
	c := &ssm.Client{}
	c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/app/test/db/password")}) // want `^DB password read from Parameter Store parameter "/app/test/db/password"`
}
