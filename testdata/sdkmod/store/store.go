// Package store uses the real SDKs' Parameter Store and Secrets Manager
// shapes. All values are synthetic.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
	"github.com/aws/aws-sdk-go/service/ssm/ssmiface"
	"github.com/go-sql-driver/mysql"

	"example.com/sdkmod/store/paramstore"
)

func badName(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD"), WithDecryption: aws.Bool(true)}) // want "^DB password read from Parameter Store parameter \"/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD\"; DB credentials belong in Secrets Manager with rotation$"
}

func badSprintf(ctx context.Context, c *ssm.Client, env string) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("cla-rds-password-%s", env))}) // want "\"cla-rds-password-…\""
}

func badFlow(ctx context.Context, c *ssm.Client, param string) (*sql.DB, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(param)}) // want "^DB password read from Parameter Store parameter \"…\" \\(reaches field Passwd of mysql.Config in store.go:37\\)"
	if err != nil {
		return nil, err
	}
	cfg := mysql.Config{User: "app", Passwd: aws.ToString(out.Parameter.Value), Net: "tcp", Addr: "db:3306"}
	return sql.Open("mysql", cfg.FormatDSN())
}

func badGetParameters(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/orders/prd/db/host", "/orders/prd/x3"}}) // want "\"/orders/prd/x3\" \\(reaches sql.Open"
	if err != nil {
		return nil, err
	}
	return sql.Open("mysql", fmt.Sprintf("app:%s@tcp(%s)/orders", *out.Parameters[1].Value, *out.Parameters[0].Value))
}

func badPaginator(ctx context.Context, c *ssm.Client) error {
	p := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String("/app/prd/db/")}) // want "^DB password read from Parameter Store parameter \"/app/prd/db/\""
	for p.HasMorePages() {
		if _, err := p.NextPage(ctx); err != nil {
			return err
		}
	}
	return nil
}

func badV1(c ssmiface.SSMAPI) {
	c.GetParameterWithContext(context.Background(), &ssmv1.GetParameterInput{Name: awsv1.String("/shop/prd/partner/api-key")}) // want "^API key read from Parameter Store parameter \"/shop/prd/partner/api-key\"; secrets of this kind belong in Secrets Manager$"
}

func badV1Pages(c *ssmv1.SSM) error {
	return c.GetParametersByPathPages(&ssmv1.GetParametersByPathInput{Path: awsv1.String("/shop/prd/rds/")}, func(*ssmv1.GetParametersByPathOutput, bool) bool { return true }) // want "\"/shop/prd/rds/\""
}

func badPut(ctx context.Context, c *ssm.Client, token string) {
	c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/shop/prd/partner/webhook-secret"), Value: aws.String(token), Type: types.ParameterTypeString}) // want "^API key stored in Parameter Store parameter \"/shop/prd/partner/webhook-secret\" as String, not SecureString$"
}

func badHelper(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	dsn, err := paramstore.Connection(ctx, c) // want "^DB password read from Parameter Store parameter \"/orders/prd/conn\" \\(reaches sql.Open in store.go:\\d+\\)"
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", dsn)
}

func badHelperName(ctx context.Context, c *ssm.Client) {
	paramstore.Get(ctx, c, "MYSQL_PASSWORD") // want "^DB password read from Parameter Store parameter \"MYSQL_PASSWORD\""
}

type server struct{ sm *secretsmanager.Client }

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	out, err := s.sm.GetSecretValue(r.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/partner/api")}) // want "^s.sm.GetSecretValue fetches secret \"prd/partner/api\" on every request of handle without a cache$"
	if err != nil {
		return
	}
	log.Printf("key %s", aws.ToString(out.SecretString)) // want "^secret \"prd/partner/api\" read from Secrets Manager reaches log.Printf$"
}

func goodHost(ctx context.Context, c *ssm.Client, pw string) (*sql.DB, error) {
	host, err := paramstore.Get(ctx, c, "/orders/prd/db/host")
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://app:"+pw+"@"+host+"/orders")
}

func goodSecretsManager(ctx context.Context, sm *secretsmanager.Client) (*sql.DB, error) {
	out, err := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/orders/db")})
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", aws.ToString(out.SecretString))
}
