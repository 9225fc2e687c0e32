// Package hardcodedcredential is the fixture of the hardcoded-credential
// rule: literals given to credential names, beside the names, references
// and placeholders that must stay silent. All values are synthetic.
package hardcodedcredential

import (
	"cmp"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"

	"github.com/go-sql-driver/mysql"
)

// Declarations.

const dbPassword = "Vq7rT2xLm9" // want `^hard-coded DB password in const dbPassword$`

var apiKey = "OS915JOUP8padFno9ij9ayt7" // want `^hard-coded API key in var apiKey$`

const (
	sessionToken = "FaetDUJn227IFbPViC5Rtc7E" // want `^hard-coded token in const sessionToken$`
	clientSecret = "JbwQJ7FhsdS6Ir2wG4sywKo2" // want `^hard-coded client secret in const clientSecret$`
)

var jwtSecret = []byte("kXvup9aWp50egG4sywKo") // want `^hard-coded client secret in var jwtSecret$`

// Constants folded through + and named constants.

const pwPrefix = "6OKDLs"

const adminPassword = pwPrefix + "NmNWH0Wr" // want `^hard-coded password in const adminPassword$`

var smtpPassword = pwPrefix // want `^hard-coded password in var smtpPassword$`

type Config struct {
	User         string
	Password     string
	PasswordFile string
}

func badAssign(cfg *Config, m map[string]string) {
	cfg.Password = "3jGIeYOjtNAv1r" // want `^hard-coded password in assignment to cfg.Password$`
	password := "SRUkvcXgpv6bCS"    // want `^hard-coded password in assignment to password$`
	m["api_key"] = "pVlwi5BUQaOZnh" // want `^hard-coded API key in map key "api_key"$`
	_ = password
}

func badStruct() mysql.Config {
	return mysql.Config{User: "app", Passwd: "lA6RtNQYeBegPs"} // want `^hard-coded password in field Passwd of mysql.Config$`
}

func badElided() []mysql.Config {
	return []mysql.Config{{User: "app", Passwd: "LL7sRLrIiSi2d6"}} // want `^hard-coded password in field Passwd of mysql.Config$`
}

var badMap = map[string]string{
	"user":     "app",
	"password": "nnyCTvSwL3K0w2", // want `^hard-coded password in map key "password"$`
}

func connect(host, dbPassword string) {}

func badArgs(req *http.Request) {
	req.SetBasicAuth("app", "nnyCTvSwL3K0w2")        // want `^hard-coded password in argument password of req.SetBasicAuth$`
	_ = url.UserPassword("app", "LL7sRLrIiSi2d6")    // want `^hard-coded password in argument password of url.UserPassword$`
	connect("db.internal", "Xq3vR8tLm2NmNWH0")       // want `^hard-coded DB password in argument dbPassword of connect$`
	_ = flag.String("db-password", "JbwQJ7Fhsd", "") // want `^hard-coded DB password in value of db-password$`
}

func badCompare(pw string, c *Config) bool {
	if pw == "6OKDLsNmNWH0Wr" { // want `^hard-coded password in comparison with pw$`
		return true
	}
	return "SRUkvcXgpv6bCS" != c.Password // want `^hard-coded password in comparison with c.Password$`
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func badFallback() (string, string) {
	a := getenv("DB_PASSWORD", "132001")                // want `^hard-coded DB password in fallback of DB_PASSWORD$`
	b := cmp.Or(os.Getenv("DB_PASSWORD"), "Xq3vR8tLm2") // want `^hard-coded DB password in fallback of DB_PASSWORD$`
	return a, b
}

type settings map[string]string

func (s settings) Set(key, value string) { s[key] = value }

func message(rule, variant string, args ...string) string { return rule + variant }

func badKeyValue(s settings) {
	s.Set("db_password", "Tq7wZ2xKm4") // want `^hard-coded DB password in value of db_password$`
}

// The first argument of a call names the second only when the callee
// stores or looks up a key.
func goodNotKeyValue() string {
	return message("db-credential-not-managed", "conflict")
}

// Names, references and placeholders.

const PasswordField = "password"

const PasswordKey = "db.password"

const HeaderAuthToken = "X-Auth-Token"

type TokenType string

const TokenTypeBearer TokenType = "Bearer"

type TokenVersion string

const TokenV1 TokenVersion = "2019-10-01"

const dbPassEnv = "DB_PASSWORD"

func goodEnv() string { return os.Getenv("DB_PASSWORD") + os.Getenv(dbPassEnv) }

var (
	dbPasswordSSM  = "/prd/app/db/password"
	dbSecret       = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prd/app/db-AbCdEf"
	dbPasswordCFN  = "{{resolve:secretsmanager:prd/app/db:SecretString:password}}"
	dbPasswordVar  = "${DB_PASSWORD}"
	dbPasswordHelm = "{{ .Values.db.password }}"
)

var (
	password1 = ""
	password2 = "<password>"
	password3 = "xxx"
	password4 = "********"
	password5 = "%s"
	password6 = "?"
	password7 = "$1"
	password8 = "changeme"
)

const awsAccessKey = "AKIAQ7TMXZ4RWEXAMPLE" // shape of AWS's documented examples

const stripePublishableKey = "pk_live_51OS915JOUP8padFno9ij9ayt7"

func goodSprintf(u, p, h string) string {
	return fmt.Sprintf("postgres://%s:%s@%s/app", u, p, h)
}

var passwordPrompt = "Enter your password"

var passwordHint = "Bitte geben Sie Ihr Passwort ein"

type Login struct {
	Password string `json:"password" yaml:"password,omitempty"`
}

func goodFlag() *string { return flag.String("password", "", "DB password") }

var secretChars = "abcdefghijklmnopqrstuvwxyz0123456789"

var apiKeyShape = `^[A-Za-z0-9]{32}$`

const passwordHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

var tokenizationID = "3f2a9c1e-8b7d-4e6f-a5c4-2d1b0e9f8a7c"

const bypassMode = "Xq3vR8tLm2abc"

func goodCompare(pw, token string) bool {
	return pw == "" || token == "null" || pw != "********"
}

func goodReferences(c *Config) {
	c.PasswordFile = "/etc/app/db-password"
	c.Password = os.Getenv("DB_PASSWORD")
	c.Password = dbPassword // judged at its declaration
}
