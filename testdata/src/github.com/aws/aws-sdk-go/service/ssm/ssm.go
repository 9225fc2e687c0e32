// Package ssm is a minimal stand-in for github.com/aws/aws-sdk-go/service/ssm.
package ssm

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
)

// SSM is the v1 client.
type SSM struct{}

// New returns a client.
func New(p any) *SSM { return &SSM{} }

type Parameter struct {
	Name  *string
	Type  *string
	Value *string
}

type GetParameterInput struct {
	Name           *string
	WithDecryption *bool
}

type GetParameterOutput struct{ Parameter *Parameter }

func (c *SSM) GetParameter(input *GetParameterInput) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}

func (c *SSM) GetParameterWithContext(ctx aws.Context, input *GetParameterInput, opts ...func()) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}

type GetParametersByPathInput struct {
	Path           *string
	Recursive      *bool
	WithDecryption *bool
}

type GetParametersByPathOutput struct {
	NextToken  *string
	Parameters []*Parameter
}

func (c *SSM) GetParametersByPathPages(input *GetParametersByPathInput, fn func(*GetParametersByPathOutput, bool) bool) error {
	return nil
}

// ParameterTypeString etc. are the v1 parameter types.
const (
	ParameterTypeString       = "String"
	ParameterTypeStringList   = "StringList"
	ParameterTypeSecureString = "SecureString"
)

type PutParameterInput struct {
	Name  *string
	Type  *string
	Value *string
}

type PutParameterOutput struct{}

func (c *SSM) PutParameter(input *PutParameterInput) (*PutParameterOutput, error) {
	return &PutParameterOutput{}, nil
}

type GetParametersInput struct {
	Names          []*string
	WithDecryption *bool
}

type GetParametersOutput struct {
	InvalidParameters []*string
	Parameters        []*Parameter
}

func (c *SSM) GetParameters(input *GetParametersInput) (*GetParametersOutput, error) {
	return &GetParametersOutput{}, nil
}

// GetParameterRequest is the Request + Send form.
func (c *SSM) GetParameterRequest(input *GetParameterInput) (*request.Request, *GetParameterOutput) {
	return &request.Request{}, &GetParameterOutput{}
}
