// Package secretsmanager is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/service/secretsmanager before 1.0 (v0.x).
package secretsmanager

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Client is the v0.x client.
type Client struct{ *aws.Client }

// New returns a client.
func New(config aws.Config) *Client { return &Client{} }

type GetSecretValueInput struct {
	_        struct{}
	SecretId *string
}

type GetSecretValueOutput struct {
	_            struct{}
	Name         *string
	SecretString *string
}

// GetSecretValueRequest is the request of GetSecretValue.
type GetSecretValueRequest struct {
	*aws.Request
	Input *GetSecretValueInput
}

// GetSecretValueResponse is the response of GetSecretValue.
type GetSecretValueResponse struct {
	*GetSecretValueOutput
	response *aws.Response
}

// GetSecretValueRequest makes a request.
func (c *Client) GetSecretValueRequest(input *GetSecretValueInput) GetSecretValueRequest {
	return GetSecretValueRequest{Request: &aws.Request{}, Input: input}
}

// Send sends the request.
func (r GetSecretValueRequest) Send(ctx context.Context) (*GetSecretValueResponse, error) {
	return &GetSecretValueResponse{GetSecretValueOutput: &GetSecretValueOutput{}}, nil
}
