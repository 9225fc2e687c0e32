// Package logged holds the fixtures of secret-logged.
package logged

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

func badLog(ctx context.Context, sm *secretsmanager.Client) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/shop/api")})
	log.Printf("loaded %s", aws.ToString(out.SecretString)) // want `^secret "prd/shop/api" read from Secrets Manager reaches log.Printf$`
}

func badErrorf(ctx context.Context, sm *secretsmanager.Client) error {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/shop/api")})
	return fmt.Errorf("bad key %q", strings.TrimSpace(*out.SecretString)) // want `reaches fmt.Errorf$`
}

func badSlogAndZap(ctx context.Context, sm *secretsmanager.Client, l *zap.Logger) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/shop/api")})
	v := *out.SecretString
	slog.Info("secret", "value", v)      // want `reaches slog.Info$`
	l.Info("secret", zap.String("v", v)) // want `reaches zap.Logger.Info$`
	logrus.WithField("v", v).Info("x")   // want `reaches logrus.WithField$`
}

type dbSecret struct {
	Username string `json:"username"`
	Password string `json:"password"`
	Host     string `json:"host"`
}

func badJSONField(ctx context.Context, sm *secretsmanager.Client) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/shop/db")})
	var s dbSecret
	_ = json.Unmarshal([]byte(*out.SecretString), &s)
	fmt.Println("host", s.Host)
	fmt.Println("password", s.Password) // want `reaches fmt.Println$`
}

func badDecryptedParameter(ctx context.Context, c *ssm.Client) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/smtp/password"), WithDecryption: aws.Bool(true)}) // want `^password read from Parameter Store parameter "/shop/prd/smtp/password"; secrets of this kind`
	fmt.Fprintln(os.Stderr, *out.Parameter.Value)                                                                                      // want `^secret read from Parameter Store parameter "/shop/prd/smtp/password" reaches fmt.Fprintln$`
}

func goodMetadata(ctx context.Context, sm *secretsmanager.Client) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/shop/api")})
	log.Printf("loaded version %s", aws.ToString(out.VersionId))
}

func goodConfigParameter(ctx context.Context, c *ssm.Client) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/log-level")})
	log.Printf("log level %s", *out.Parameter.Value)
}

func goodFile(ctx context.Context, sm *secretsmanager.Client, f *os.File) {
	out, _ := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/shop/api")})
	fmt.Fprintln(f, *out.SecretString)
}
