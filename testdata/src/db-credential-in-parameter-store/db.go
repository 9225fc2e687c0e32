// Package db holds the fixtures of db-credential-in-parameter-store: DB
// credentials read from Parameter Store, by name and by where the value
// goes, beside the traps that must stay silent.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path"
	"strings"

	"db-credential-in-parameter-store/paramstore"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/rds/auth"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

const dbPasswordParam = "/app/prd/db/password"

func badLiteral(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD"), WithDecryption: aws.Bool(true)}) // want `^DB password read from Parameter Store parameter "/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD"; DB credentials belong in Secrets Manager with rotation$`
}

func badConstWithEvidence(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(dbPasswordParam)}) // want `^DB password read from Parameter Store parameter "/app/prd/db/password" \(reaches sql.Open in db.go:38\); DB credentials`
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", fmt.Sprintf("postgres://app:%s@db.internal:5432/orders", aws.ToString(out.Parameter.Value)))
}

func badSprintfName(ctx context.Context, c *ssm.Client, env string) {
	name := fmt.Sprintf("cla-rds-password-%s", env)
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: &name}) // want `^DB password read from Parameter Store parameter "cla-rds-password-…"`
}

func badPathJoin(ctx context.Context, c *ssm.Client) {
	in := &ssm.GetParameterInput{}
	in.Name = aws.String(path.Join("/orders", "prd", "rds-master-pwd"))
	c.GetParameter(ctx, in) // want `^DB password read from Parameter Store parameter "/orders/prd/rds-master-pwd"`
}

type params struct {
	Host, Password string
}

var names = params{Host: "/orders/prd/db/host", Password: "/orders/prd/db/pass"}

func badStructField(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(names.Password)}) // want `"/orders/prd/db/pass"`
}

// By value: the name does not tell, the value reaches the password.

func badFlowMySQL(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(os.Getenv("PARAM"))}) // want `^DB password read from Parameter Store parameter "…" \(reaches field Passwd of mysql.Config in db.go:\d+\)`
	if err != nil {
		return nil, err
	}
	cfg := mysql.Config{User: "app", Passwd: aws.ToString(out.Parameter.Value), Net: "tcp", Addr: "db:3306"}
	return sql.Open("mysql", cfg.FormatDSN())
}

func badFlowDSN(ctx context.Context, c *ssm.Client) (*pgx.Conn, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/conn")}) // want `^DB password read from Parameter Store parameter "/orders/prd/conn" \(reaches pgx.Connect in db.go:\d+\)`
	if err != nil {
		return nil, err
	}
	return pgx.Connect(ctx, *out.Parameter.Value)
}

func badBuilderDSN(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(os.Getenv("DSN_PART"))}) // want `^DB password read from Parameter Store parameter "…" \(reaches sql.Open in db.go:\d+\)`
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("postgres://app:")
	b.WriteString(aws.ToString(out.Parameter.Value))
	b.WriteString("@db.internal:5432/orders")
	return sql.Open("postgres", b.String())
}

func badFlowGorm(ctx context.Context, c *ssm.Client) (*gorm.DB, error) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/x1")}) // want `reaches postgres.Open`
	dsn := "host=db.internal user=app dbname=orders password=" + *out.Parameter.Value
	return gorm.Open(postgres.Open(dsn))
}

func badUserPassword(ctx context.Context, c *ssm.Client) *url.URL {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/x2")}) // want `reaches url.UserPassword`
	return &url.URL{Scheme: "postgres", User: url.UserPassword("app", *out.Parameter.Value), Host: "db"}
}

// GetParameters maps values to names by position.
func badGetParameters(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/orders/prd/db/host", "/orders/prd/x3"}}) // want `"/orders/prd/x3" \(reaches sql.Open`
	if err != nil {
		return nil, err
	}
	host, pw := *out.Parameters[0].Value, *out.Parameters[1].Value
	return sql.Open("mysql", fmt.Sprintf("app:%s@tcp(%s)/orders", pw, host))
}

func badByPath(ctx context.Context, c *ssm.Client) {
	c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/app/prd/db/")}) // want `^DB password read from Parameter Store parameter "/app/prd/db/"`
}

func badPaginator(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	p := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String("/orders/prd/")}) // want `reaches sql.Open`
	pw := ""
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, prm := range page.Parameters {
			pw = *prm.Value
		}
	}
	return sql.Open("postgres", "postgres://app:"+pw+"@db/orders")
}

// Helpers of another package: facts connect them to the sink here.

func badHelperName(ctx context.Context, cfg *paramstore.Config) {
	cfg.GetSecret(ctx, "MYSQL_PASSWORD") // want `^DB password read from Parameter Store parameter "MYSQL_PASSWORD"; DB credentials`
}

func badHelperFlow(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	dsn := paramstore.Connection(ctx, c) // want `^DB password read from Parameter Store parameter "/orders/prd/conn" \(reaches sql.Open in db.go:\d+\)`
	return sql.Open("postgres", dsn)
}

// Traps.

func goodHost(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/db/host")})
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", fmt.Sprintf("postgres://app:%s@%s/orders", os.Getenv("PW"), *out.Parameter.Value))
}

func goodBuilderHost(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(os.Getenv("HOST_PARAM"))})
	var b strings.Builder
	b.WriteString("postgres://app:")
	b.WriteString(os.Getenv("PW"))
	b.WriteByte('@')
	b.WriteString(aws.ToString(out.Parameter.Value))
	b.WriteString("/orders")
	return sql.Open("postgres", b.String())
}

func goodHostUnknownName(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(os.Getenv("HOST_PARAM"))})
	return sql.Open("postgres", fmt.Sprintf("postgres://app:%s@%s/orders", os.Getenv("PW"), *out.Parameter.Value))
}

func goodHelperHost(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	host := paramstore.Host(ctx, c)
	return sql.Open("postgres", "postgres://app:"+os.Getenv("PW")+"@"+host+"/orders")
}

func goodFlags(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/prd/feature-flags")})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/log-level")})
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/prd/db/port")})
}

func goodSecretsManager(ctx context.Context, sm *secretsmanager.Client) (*sql.DB, error) {
	out, err := sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/orders/db")})
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", *out.SecretString)
}

func goodReferenceThroughSSM(ctx context.Context, c *ssm.Client) {
	c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/prd/orders/db-password"), WithDecryption: aws.Bool(true)})
}

func goodSecretARN(ctx context.Context, c *ssm.Client, sm *secretsmanager.Client) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/db/password-arn")})
	sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: out.Parameter.Value})
}

func goodIAMToken(ctx context.Context, c *ssm.Client, creds aws.CredentialsProvider) (*sql.DB, error) {
	out, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/db/endpoint")})
	token, err := auth.BuildAuthToken(ctx, *out.Parameter.Value, "eu-west-1", "app", creds)
	if err != nil {
		return nil, err
	}
	cfg := mysql.Config{User: "app", Passwd: token, Net: "tcp", Addr: *out.Parameter.Value}
	return sql.Open("mysql", cfg.FormatDSN())
}
