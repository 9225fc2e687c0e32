// Package secretsmanager is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/service/secretsmanager.
package secretsmanager

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

type Options struct{ Region string }

type Client struct{ options Options }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type GetSecretValueInput struct {
	SecretId     *string
	VersionId    *string
	VersionStage *string
}

type GetSecretValueOutput struct {
	ARN          *string
	Name         *string
	SecretBinary []byte
	SecretString *string
	VersionId    *string
}

func (c *Client) GetSecretValue(ctx context.Context, params *GetSecretValueInput, optFns ...func(*Options)) (*GetSecretValueOutput, error) {
	return &GetSecretValueOutput{}, nil
}

type BatchGetSecretValueInput struct {
	SecretIdList []string
	NextToken    *string
}

type BatchGetSecretValueOutput struct {
	SecretValues []types.SecretValueEntry
	NextToken    *string
}

func (c *Client) BatchGetSecretValue(ctx context.Context, params *BatchGetSecretValueInput, optFns ...func(*Options)) (*BatchGetSecretValueOutput, error) {
	return &BatchGetSecretValueOutput{}, nil
}
