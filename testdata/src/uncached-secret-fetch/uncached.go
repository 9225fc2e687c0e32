// Package uncached holds the fixtures of uncached-secret-fetch. // want package:"storeFacts"
package uncached

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

type server struct {
	sm  *secretsmanager.Client
	ssm *ssm.Client
}

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	out, err := s.sm.GetSecretValue(r.Context(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/partner/api")}) // want `^s.sm.GetSecretValue fetches secret "prd/partner/api" on every request of handle without a cache$`
	if err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	_ = out
}

func (s *server) key(ctx context.Context) string { // want key:`store\(source\("prd/partner/key"\), fetch\)`
	out, _ := s.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prd/partner/key")})
	return aws.ToString(out.SecretString)
}

func (s *server) handleHelper(w http.ResponseWriter, r *http.Request) {
	_ = s.key(r.Context()) // want `^s.key fetches secret "prd/partner/key" on every request of handleHelper without a cache$`
}

func (s *server) loop(ctx context.Context, tenants []string) {
	for _, t := range tenants {
		s.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/" + t + "/api-token"), WithDecryption: aws.Bool(true)}) // want `^s.ssm.GetParameter fetches secret "/shop/…/api-token" inside a loop without a cache$` `token read from Parameter Store`
	}
}

func (s *server) goodConfigInLoop(ctx context.Context, tenants []string) {
	for _, t := range tenants {
		s.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/" + t + "/endpoint")})
	}
}

func (s *server) goodOnce(ctx context.Context) string { // want goodOnce:`store\(source\("prd/partner/key"\), fetch\)`
	return s.key(ctx)
}
