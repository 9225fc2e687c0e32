// Package settings reads the service's settings and secrets at start-up.
package settings

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// Settings are what the service needs to start.
type Settings struct {
	LogLevel      string
	DBPassword    string
	PaymentAPIKey string
}

// Load reads the settings. The log level is plain configuration and
// belongs in Parameter Store; the DB password does not.
func Load(ctx context.Context, params *ssm.Client, secrets *secretsmanager.Client) (Settings, error) {
	var s Settings
	level, err := params.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/orders/prd/api/LOG_LEVEL"),
	})
	if err != nil {
		return s, fmt.Errorf("log level: %w", err)
	}
	s.LogLevel = aws.ToString(level.Parameter.Value)

	// The DB password was moved into Parameter Store "temporarily".
	pw, err := params.GetParameter(ctx, &ssm.GetParameterInput{
		Name:           aws.String("/orders/prd/api/SPRING_DATASOURCE_PASSWORD"),
		WithDecryption: aws.Bool(true),
	})
	if err != nil {
		return s, fmt.Errorf("db password: %w", err)
	}
	s.DBPassword = aws.ToString(pw.Parameter.Value)

	// Good: the payment provider's key comes from Secrets Manager.
	key, err := secrets.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
		SecretId: aws.String("prd/orders/payment-api-key"),
	})
	if err != nil {
		return s, fmt.Errorf("payment key: %w", err)
	}
	s.PaymentAPIKey = aws.ToString(key.SecretString)
	return s, nil
}
