// Package generations holds the reads of every SDK generation and of the
// Secrets Manager caching client. All values are synthetic.
package generations

import (
	"context"
	"database/sql"
	"log"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
	"github.com/aws/aws-secretsmanager-caching-go/secretcache"
)

// aws-sdk-go v1: Request + Send.

func v1RequestSend(c *ssmv1.SSM) (*sql.DB, error) {
	req, out := c.GetParameterRequest(&ssmv1.GetParameterInput{Name: awsv1.String("/orders/prd/conn"), WithDecryption: awsv1.Bool(true)}) // want `^DB password read from Parameter Store parameter "/orders/prd/conn" \(reaches sql.Open`
	if err := req.Send(); err != nil {
		return nil, err
	}
	return sql.Open("postgres", awsv1.StringValue(out.Parameter.Value))
}

func v1RequestSendByName(c *ssmv1.SSM) {
	req, _ := c.GetParameterRequest(&ssmv1.GetParameterInput{Name: awsv1.String("/orders/prd/db/password"), WithDecryption: awsv1.Bool(true)}) // want `^DB password read from Parameter Store parameter "/orders/prd/db/password"`
	_ = req.Send()
}

func v1RequestSendConfig(c *ssmv1.SSM) (*sql.DB, error) {
	req, out := c.GetParameterRequest(&ssmv1.GetParameterInput{Name: awsv1.String("/orders/prd/db/host")})
	if err := req.Send(); err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://db.internal/"+awsv1.StringValue(out.Parameter.Value))
}

// Secrets Manager: BatchGetSecretValue.

func batchLogged(ctx context.Context, sm *secretsmanager.Client) {
	out, err := sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"prd/shop/api", "prd/shop/db"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range out.SecretValues {
		log.Printf("loaded %s", aws.ToString(v.SecretString)) // want `^secret "prd/shop/api" read from Secrets Manager reaches log.Printf$`
		log.Printf("loaded %s", aws.ToString(v.Name))
	}
}

func batchPerRequest(sm *secretsmanager.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		out, _ := sm.BatchGetSecretValue(r.Context(), &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"prd/shop/api"}}) // want `without a cache`
		_ = out
	}
}

// Secrets Manager: the caching client caches; what it returns is still a
// secret.

func cachedPerRequest(cache *secretcache.Cache) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key, err := cache.GetSecretString("prd/shop/api")
		if err != nil {
			log.Print(err)
			return
		}
		w.Header().Set("X-Api-Key", key)
	}
}

func cachedLogged(ctx context.Context, cache *secretcache.Cache) {
	key, _ := cache.GetSecretStringWithContext(ctx, "prd/shop/api")
	log.Println("key", key) // want `^secret "prd/shop/api" read from Secrets Manager reaches log.Println$`
}
