package logged

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

func TestLog(t *testing.T) {
	out, _ := (&secretsmanager.Client{}).GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("dev/shop/api")})
	t.Log(*out.SecretString)
}
