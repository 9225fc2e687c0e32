// Package ssm is a minimal stand-in for
// github.com/aws/aws-sdk-go-v2/service/ssm, with the real shapes of the
// operations the analyzer recognises.
package ssm

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// Options are client options.
type Options struct{ Region string }

// Client is the SSM client.
type Client struct{ options Options }

// NewFromConfig returns a client.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type GetParameterInput struct {
	Name           *string
	WithDecryption *bool
}

type GetParameterOutput struct {
	Parameter *types.Parameter
}

func (c *Client) GetParameter(ctx context.Context, params *GetParameterInput, optFns ...func(*Options)) (*GetParameterOutput, error) {
	return &GetParameterOutput{}, nil
}

type GetParametersInput struct {
	Names          []string
	WithDecryption *bool
}

type GetParametersOutput struct {
	InvalidParameters []string
	Parameters        []types.Parameter
}

func (c *Client) GetParameters(ctx context.Context, params *GetParametersInput, optFns ...func(*Options)) (*GetParametersOutput, error) {
	return &GetParametersOutput{}, nil
}

type GetParametersByPathInput struct {
	Path           *string
	Recursive      *bool
	WithDecryption *bool
	NextToken      *string
}

type GetParametersByPathOutput struct {
	NextToken  *string
	Parameters []types.Parameter
}

func (c *Client) GetParametersByPath(ctx context.Context, params *GetParametersByPathInput, optFns ...func(*Options)) (*GetParametersByPathOutput, error) {
	return &GetParametersByPathOutput{}, nil
}

type GetParameterHistoryInput struct {
	Name           *string
	WithDecryption *bool
}

type GetParameterHistoryOutput struct {
	Parameters []types.ParameterHistory
}

func (c *Client) GetParameterHistory(ctx context.Context, params *GetParameterHistoryInput, optFns ...func(*Options)) (*GetParameterHistoryOutput, error) {
	return &GetParameterHistoryOutput{}, nil
}

type PutParameterInput struct {
	Name      *string
	Value     *string
	Type      types.ParameterType
	KeyId     *string
	Overwrite *bool
}

type PutParameterOutput struct{ Version int64 }

func (c *Client) PutParameter(ctx context.Context, params *PutParameterInput, optFns ...func(*Options)) (*PutParameterOutput, error) {
	return &PutParameterOutput{}, nil
}

// GetParametersByPathAPIClient is the client the paginator needs.
type GetParametersByPathAPIClient interface {
	GetParametersByPath(context.Context, *GetParametersByPathInput, ...func(*Options)) (*GetParametersByPathOutput, error)
}

type GetParametersByPathPaginatorOptions struct{ Limit int32 }

type GetParametersByPathPaginator struct {
	client    GetParametersByPathAPIClient
	params    *GetParametersByPathInput
	firstPage bool
}

func NewGetParametersByPathPaginator(client GetParametersByPathAPIClient, params *GetParametersByPathInput, optFns ...func(*GetParametersByPathPaginatorOptions)) *GetParametersByPathPaginator {
	return &GetParametersByPathPaginator{client: client, params: params, firstPage: true}
}

func (p *GetParametersByPathPaginator) HasMorePages() bool { return p.firstPage }

func (p *GetParametersByPathPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*GetParametersByPathOutput, error) {
	p.firstPage = false
	return p.client.GetParametersByPath(ctx, p.params, optFns...)
}
