// Package ssm is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/service/ssm before 1.0 (v0.x): requests
// are made with …Request and sent with Send, and the types live in this
// package.
package ssm

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Client is the v0.x client.
type Client struct{ *aws.Client }

// New returns a client.
func New(config aws.Config) *Client { return &Client{} }

// ParameterType is the type of a parameter.
type ParameterType string

// Parameter is a parameter.
type Parameter struct {
	Name  *string
	Type  ParameterType
	Value *string
}

type GetParameterInput struct {
	_              struct{}
	Name           *string
	WithDecryption *bool
}

type GetParameterOutput struct {
	_         struct{}
	Parameter *Parameter
}

// GetParameterRequest is the request of GetParameter.
type GetParameterRequest struct {
	*aws.Request
	Input *GetParameterInput
}

// GetParameterResponse is the response of GetParameter.
type GetParameterResponse struct {
	*GetParameterOutput
	response *aws.Response
}

// GetParameterRequest makes a request.
func (c *Client) GetParameterRequest(input *GetParameterInput) GetParameterRequest {
	return GetParameterRequest{Request: &aws.Request{}, Input: input}
}

// Send sends the request.
func (r GetParameterRequest) Send(ctx context.Context) (*GetParameterResponse, error) {
	return &GetParameterResponse{GetParameterOutput: &GetParameterOutput{}}, nil
}
