// Package shapes holds the shapes // want package:"storeFacts"
// The shapes of real services' reads and writes that
// the store checks follow, beside the traps they must leave alone. All
// values are synthetic.
package shapes

import (
	"context"
	"database/sql"
	"fmt"
	"path"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
	ssmconfig "github.com/ianlopshire/go-ssm-config"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"shapes/params"
)

// Struct-tag loaders.

type dbConfig struct {
	Host   string `ssm:"db_host"`
	DBPass string `ssm:"db_pass"`
}

func loadTagged() (dbConfig, error) {
	var c dbConfig
	err := ssmconfig.Process("/orders/prd/", &c) // want `^DB password read from Parameter Store parameter "/orders/prd/db_pass"`
	return c, err
}

type plainConfig struct {
	Host     string `ssm:"host"`
	LogLevel string `ssm:"log_level"`
}

func loadPlainTagged() (plainConfig, error) {
	var c plainConfig
	err := ssmconfig.Process("/orders/prd/", &c)
	return c, err
}

// Names built by helpers.

func variadicKey(ctx context.Context, s *params.Store, env string) (string, error) { // want variadicKey:"store"
	return s.Get(ctx, params.Key("auth", env, "backoffice", "OIDC_CLIENT_SECRET")) // want `^client secret read from Parameter Store parameter "…auth/…/backoffice/OIDC_CLIENT_SECRET"`
}

func variadicConfigKey(ctx context.Context, s *params.Store, env string) (string, error) { // want variadicConfigKey:"store"
	return s.Get(ctx, params.Key("auth", env, "backoffice", "OIDC_ISSUER_URL"))
}

func paramName(env, key string) string { return fmt.Sprintf("/%s/billing/%s", env, key) }

func joinedName(env, key string) string { return path.Join("/", env, "billing", key) }

func sprintfHelper(ctx context.Context, c *ssm.Client, env string) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(paramName(env, "db_password")), WithDecryption: aws.Bool(true)})  // want `^DB password read from Parameter Store parameter "/…/billing/db_password"`
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(joinedName(env, "db_password")), WithDecryption: aws.Bool(true)}) // want `^DB password read from Parameter Store parameter "/…/billing/db_password"`
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(paramName(env, "db_host"))})
}

// GetParameters with aws.StringSlice.

func stringSlice(c *ssmv1.SSM) {
	c.GetParameters(&ssmv1.GetParametersInput{Names: awsv1.StringSlice([]string{"/shop/prd/db/host", "/shop/prd/db/password"}), WithDecryption: awsv1.Bool(true)}) // want `^DB password read from Parameter Store parameter "/shop/prd/db/password"`
	c.GetParameters(&ssmv1.GetParametersInput{Names: awsv1.StringSlice([]string{"/shop/prd/db/host", "/shop/prd/db/port"})})
}

// PutParameter of a DSN that carries a password.

func putDSN(ctx context.Context, c *ssm.Client, pass string) {
	dsn := fmt.Sprintf("postgres://app:%s@db.internal:5432/shop", pass)
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/conn"), Value: aws.String(dsn), Type: "SecureString"}) // want `^DB password written to Parameter Store parameter "/shop/prd/conn"`
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/url"), Value: aws.String("postgres://db.internal:5432/shop"), Type: "String"})
}

// A secret read without decryption and used as a credential is stored
// as a plain String.

func plaintextRead(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/partner/api-key"), WithDecryption: aws.Bool(false)}) // want `^API key read from Parameter Store parameter` `^API key read from Parameter Store parameter "/shop/prd/partner/api-key" without decryption`
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://app:"+*out.Parameter.Value+"@db/shop")
}

// DSN shapes.

func mysqlNoTCP() (*sql.DB, error) {
	return sql.Open("mysql", "app:Vt7qLm2xKw9Rz4@(db.internal:3306)/shop") // want `^password inline in`
}

func gormKeyValue() (*gorm.DB, error) {
	return gorm.Open(postgres.Open("host=db.internal user=app password=Nq5wZx8Lt3Kv dbname=shop sslmode=require")) // want `^password inline in`
}

func gormKeyValueFromEnv(pass string) (*gorm.DB, error) { // want gormKeyValueFromEnv:"store"
	return gorm.Open(postgres.Open("host=db.internal user=app dbname=shop password=" + pass))
}
