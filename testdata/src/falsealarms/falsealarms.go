// Package falsealarms holds shapes // want package:"storeFacts"
// Shapes of ordinary code that were reported
// without cause, beside the positives they resemble. All values are
// synthetic.
package falsealarms

import (
	"context"
	"fmt"
	"log"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// The error of a read is not the secret.
func loadSMTPPassword(ctx context.Context, c *ssm.Client) string { // want loadSMTPPassword:"store"
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/shop/prd/smtp/password"), WithDecryption: aws.Bool(true)}) // want `^password read from Parameter Store parameter "/shop/prd/smtp/password"`
	if err != nil {
		log.Fatal(err)
	}
	return *out.Parameter.Value
}

func readParam(ctx context.Context, c *ssm.Client, name string) (string, error) { // want readParam:"store"
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	return aws.ToString(out.Parameter.Value), nil
}

func useHelper(ctx context.Context, c *ssm.Client) string { // want useHelper:"store"
	v, err := readParam(ctx, c, "/shop/prd/smtp/password") // want `^password read from Parameter Store parameter "/shop/prd/smtp/password"`
	if err != nil {
		log.Fatal(err)
	}
	return v
}

func logHelperValue(ctx context.Context, c *ssm.Client) {
	v, err := readParam(ctx, c, "/shop/prd/smtp/password") // want `^password read from Parameter Store parameter "/shop/prd/smtp/password"`
	if err != nil {
		log.Fatalf("smtp: %v", err)
	}
	log.Printf("smtp %s", v) // want `reaches log.Printf$`
}

// A constant is reported where it is defined, not again where it is used.
const releaseToken = "ghp_Yq3ZrT8vLm2Kx9Pw4Nj7Bc5Hd1Fg6Sa0Qe2R" // want `^hard-coded GitHub personal access token \(classic\) in const releaseToken$`

var stripeFallbackKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dcQxPmZ2" // want `in var stripeFallbackKey$`

const stripeKey = "sk_live_9fQ2mZx7LpW4vRt8Kc3Nh6Yd" // want `in const stripeKey$`

type client struct{ apiKey string }

func useConstants(req *http.Request) *client {
	req.Header.Set("Authorization", "Bearer "+releaseToken)
	_ = &client{apiKey: stripeKey}
	return &client{apiKey: stripeFallbackKey}
}

// Natural-language text of a message catalogue is not a password.
var messages = map[string]string{
	"password.mismatch": "パスワードが一致しません。",
	"password.tooShort": "Password must have at least 12 characters.",
	"password.reset":    "Your password has been reset.",
}

var secrets = map[string]string{
	"password": "Wq8zR3tLx5Vn2Kp7", // want `^hard-coded password in`
}

// A hex HMAC or session key literal is a key.
var sessionKey = []byte("4f9c2b7e1a6d3058c8e2f1b94a7d6e30c5b8a2f19e4d7c3b6a0f5e8d2c1b9a47") // want `^hard-coded session or HMAC key in var sessionKey$`

var hmacSecret = "9b1e4c7a2d5f8036e1c4b7a9d2f5e803c6b9a1d4e7f0c3b6a9d2e5f8c1b4a7d0" // want `^hard-coded .* in var hmacSecret$`

// Not keys: a checksum and a commit.
var sha256Sum = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

const commitID = "9fceb02d0ae598e95dc970b74767f19372d61af8"
