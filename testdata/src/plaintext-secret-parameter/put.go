// Package put holds the fixtures of plaintext-secret-parameter and of
// writes of the store rules.
package put

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

func badString(ctx context.Context, c *ssm.Client, token string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/partner/webhook-secret"), Value: aws.String(token), Type: types.ParameterTypeString}) // want `^API key stored in Parameter Store parameter "/shop/prd/partner/webhook-secret" as String, not SecureString$`
}

func badNoType(ctx context.Context, c *ssm.Client, pw string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/smtp/password"), Value: aws.String(pw)}) // want `^password stored in Parameter Store parameter "/shop/prd/smtp/password" as String, not SecureString$`
}

func badV1StringList(c *ssmv1.SSM, v string) {
	c.PutParameter(&ssmv1.PutParameterInput{Name: awsv1.String("/shop/prd/ldap/bind-password"), Value: awsv1.String(v), Type: awsv1.String(ssmv1.ParameterTypeStringList)}) // want `as StringList, not SecureString$`
}

func badDBWrite(ctx context.Context, c *ssm.Client, pw string) {
	// The DB rule wins over plaintext-secret-parameter at one location.
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/db/password"), Value: aws.String(pw), Type: types.ParameterTypeSecureString}) // want `^DB password written to Parameter Store parameter "/shop/prd/db/password"; DB credentials belong in Secrets Manager with rotation$`
}

func badTokenSecure(ctx context.Context, c *ssm.Client, v string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/github/token"), Value: aws.String(v), Type: types.ParameterTypeSecureString}) // want `^token written to Parameter Store parameter "/shop/prd/github/token"; secrets of this kind`
}

func badSecureString(ctx context.Context, c *ssm.Client, v string) {
	// Encrypted, but the catalogue puts passwords in Secrets Manager.
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/smtp/password"), Value: aws.String(v), Type: types.ParameterTypeSecureString}) // want `^password written to Parameter Store parameter "/shop/prd/smtp/password"; secrets of this kind belong in Secrets Manager$`
}

func goodConfig(ctx context.Context, c *ssm.Client, v string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/db/host"), Value: aws.String(v), Type: types.ParameterTypeString})
}
