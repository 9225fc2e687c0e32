// Package secret holds the fixtures of secret-in-parameter-store, with
// both SDK versions and calls through interfaces and struct fields.
package secret

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
	"github.com/aws/aws-sdk-go/service/ssm/ssmiface"

	localssm "secret-in-parameter-store/ssm"
)

// parameterAPI is the application's own interface over the client.
type parameterAPI interface {
	GetParameter(ctx context.Context, in *ssm.GetParameterInput, optFns ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
}

type service struct {
	params parameterAPI
	v1     ssmiface.SSMAPI
}

func badInterface(ctx context.Context, s *service) {
	s.params.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/api/STRIPE_API_KEY")}) // want `^API key read from Parameter Store parameter "/shop/prd/api/STRIPE_API_KEY"; secrets of this kind belong in Secrets Manager$`
}

func badHistory(ctx context.Context, c *ssm.Client) {
	c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/shop/prd/slack/bot-token")}) // want `^token read from Parameter Store parameter "/shop/prd/slack/bot-token"`
}

func badV1(c *ssmv1.SSM) {
	c.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/shop/prd/oauth/client-secret")}) // want `^client secret read from Parameter Store parameter "/shop/prd/oauth/client-secret"`
}

func badV1Context(ctx context.Context, s *service) {
	s.v1.GetParameterWithContext(ctx, &ssmv1.GetParameterInput{Name: awsv1.String("/shop/prd/partner/api-key")}) // want `^API key read from Parameter Store parameter`
}

func badV1DB(s *service) {
	s.v1.GetParameter(&ssmv1.GetParameterInput{Name: awsv1.String("/shop/prd/mysql/password")}) // want `^DB password read from Parameter Store parameter "/shop/prd/mysql/password"; DB credentials`
}

func badV1Pages(s *ssmv1.SSM) {
	s.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{Path: awsv1.String("/shop/prd/rds/")}, func(page *ssmv1.GetParametersByPathOutput, last bool) bool { // want `^DB password read from Parameter Store parameter "/shop/prd/rds/"`
		return true
	})
}

func goodConfig(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/api/LOG_LEVEL")})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/api/endpoint-url")})
}

func goodLocalPackage(s localssm.Store) {
	s.GetParameter(&localssm.GetParameterInput{Name: aws.String("/shop/prd/api/STRIPE_API_KEY")})
}
