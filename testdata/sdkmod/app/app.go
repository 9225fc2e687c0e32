// Package app uses the real AWS SDKs and MySQL driver: the analyzer must
// match them by import path through type information. All values are
// synthetic.
package app

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	credv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/go-sql-driver/mysql"
)

func badStaticV2(ctx context.Context) (aws.Config, error) {
	return config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(
		credentials.NewStaticCredentialsProvider("AKIAW6IAF2EAT2OECKG4", "3uwK7d3OfvsOs2uxV6p3akugaajXOJfMs8lb+ZJu", ""), // want `^static AWS credentials built from literals in call to credentials.NewStaticCredentialsProvider$`
	))
}

func badCredentialsLiteral() aws.Credentials {
	return aws.Credentials{AccessKeyID: "AKIA2ZXDQTGSPBGUOWXB", SecretAccessKey: "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"} // want `^static AWS credentials built from literals in aws.Credentials literal$`
}

func badStaticV1() *credv1.Credentials {
	return credv1.NewStaticCredentials("AKIAUG6PYQVIUN2GEORC", "XmLPZ33odmW+iVEUeXOEmFYvRL1g9effG9QblSeF", "") // want `^static AWS credentials built from literals in call to credv1.NewStaticCredentials$`
}

func badMySQL() (*sql.DB, error) {
	cfg := mysql.Config{User: "app", Passwd: "lA6RtNQYeBegPs", Net: "tcp", Addr: "db.internal:3306", DBName: "shop"} // want `^hard-coded password in field Passwd of mysql.Config$`
	return sql.Open("mysql", cfg.FormatDSN())
}

func badDSN() (*sql.DB, error) {
	return sql.Open("mysql", "app:nnyCTvSwL3K0w2@tcp(db.internal:3306)/shop") // want `^password inline in go-sql-driver connection string in argument dataSourceName of sql.Open$`
}

func badKeyID(ctx context.Context, id string) (aws.Config, error) {
	// Only the key ID is a literal: not static credentials, but a token.
	return config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(
		credentials.NewStaticCredentialsProvider("AKIAORZGR5FZVNTIWXBN", id, ""), // want `^hard-coded AWS access key ID in argument key of credentials.NewStaticCredentialsProvider$`
	))
}

// The guideline's way: credentials from the role, secrets from Secrets
// Manager, configuration from Parameter Store.

type dbSecret struct {
	Username string `json:"username"`
	Password string `json:"password"`
	Host     string `json:"host"`
}

func goodOpen(ctx context.Context) (*sql.DB, error) {
	awsCfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	out, err := secretsmanager.NewFromConfig(awsCfg).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{
		SecretId: aws.String("prd/app/db"),
	})
	if err != nil {
		return nil, err
	}
	var s dbSecret
	if err := json.Unmarshal([]byte(aws.ToString(out.SecretString)), &s); err != nil {
		return nil, err
	}
	param, err := ssm.NewFromConfig(awsCfg).GetParameter(ctx, &ssm.GetParameterInput{
		Name:           aws.String("/prd/app/db/name"),
		WithDecryption: aws.Bool(true),
	})
	if err != nil {
		return nil, err
	}
	cfg := mysql.Config{User: s.Username, Passwd: s.Password, Net: "tcp", Addr: s.Host, DBName: aws.ToString(param.Parameter.Value)}
	return sql.Open("mysql", cfg.FormatDSN())
}

func goodLocalStack() credentials.StaticCredentialsProvider {
	return credentials.NewStaticCredentialsProvider("test", "test", "")
}
