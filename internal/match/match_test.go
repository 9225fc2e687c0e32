package match_test

import (
	"testing"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
)

func newMatcher(t testing.TB, opts match.Options) *match.Matcher {
	t.Helper()
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	m, err := match.New(cat, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return m
}

func kindID(n match.Name) string {
	if n.Kind == nil {
		return ""
	}
	return n.Kind.ID
}

func TestClassifyName(t *testing.T) {
	m := newMatcher(t, match.Options{})
	tests := []struct {
		name string
		kind string // "" for no kind
		// cred is Credential(): a secret kind and not a reference.
		cred bool
	}{
		// DB credentials, in every naming style.
		{"SPRING_DATASOURCE_PASSWORD", "db-credential", true},
		{"/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD", "db-credential", true},
		{"/app/prd/db/password", "db-credential", true},
		{"rds-master-pwd", "db-credential", true},
		{"cla-rds-password-%s", "db-credential", true},
		{"PGPASSWORD", "db-credential-term", true},
		{"MYSQL_PWD", "db-credential", true},
		{"dbPassword", "db-credential", true},
		{"MasterUserPassword", "db-credential", true},
		{"spring.datasource.password", "db-credential", true},
		// Whole words only: none of these holds a credential word.
		{"Bypass", "", false},
		{"Compass", "", false},
		{"Tokenizer", "", false},
		{"GroupWrite", "", false},
		{"keyboard", "", false},
		{"monkey", "", false},
		{"Passthrough", "", false},
		{"ATNStateTokenStart", "token", true}, // a whole word "token": the value gate decides
		// References: a credential word followed by a reference suffix.
		{"PasswordField", "generic-password", false},
		{"SecretName", "auth-credential", false},
		{"TokenURL", "token", false},
		{"dbPassEnv", "db-credential", false},
		{"APIKeyHeader", "api-key", false},
		{"PasswordKey", "generic-password", false},
		{"secretArn", "auth-credential", false},
		// Plain configuration.
		{"/app/prd/feature-flags", "config", false},
		{"/app/log-level", "config", false},
		{"/app/prd/db/host", "config", false},
		{"DB_USER", "config", false},
		// Other secret kinds.
		{"apiKey", "api-key", true},
		{"X_API_KEY", "api-key", true},
		{"githubToken", "token", true},
		{"slack_bot_token", "token", true},
		{"AWS_SECRET_ACCESS_KEY", "aws-secret-key", true},
		{"awsSecretKey", "aws-secret-key", true},
		{"clientSecret", "auth-credential", true},
		{"tlsPrivateKey", "private-key", true},
		{"", "", false},
	}
	for _, tt := range tests {
		n := m.ClassifyName(tt.name)
		if got := kindID(n); got != tt.kind {
			t.Errorf("ClassifyName(%q).Kind = %q, want %q", tt.name, got, tt.kind)
		}
		if got := n.Credential(); got != tt.cred {
			t.Errorf("ClassifyName(%q).Credential() = %v, want %v (reference %v)", tt.name, got, tt.cred, n.Reference)
		}
	}
}

func TestClassifyNameReference(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, name := range []string{"PasswordField", "SecretName", "TokenURL", "dbPassEnv", "APIKeyHeader", "PasswordKey", "secretArn", "passwordFile", "DB_PASSWORD_PARAM"} {
		if n := m.ClassifyName(name); n.Kind == nil || !n.Kind.Secret || !n.Reference {
			t.Errorf("ClassifyName(%q) = kind %q reference %v, want a secret kind and a reference", name, kindID(n), n.Reference)
		}
	}
	for _, name := range []string{"dbPassword", "apiKey", "keyPassword"} {
		if n := m.ClassifyName(name); n.Reference {
			t.Errorf("ClassifyName(%q) is a reference", name)
		}
	}
}

func TestLiteralCredential(t *testing.T) {
	m := newMatcher(t, match.Options{})
	const rule = "hardcoded-credential"
	tests := []struct {
		name, value string
		want        bool
	}{
		// Names, labels and references given to credential names.
		{"PasswordField", "password", false},
		{"password", "password", false},
		{"dbPassword", "password", false},
		{"PasswordKey", "db.password", false},
		{"dbPassword", "db.password", false},
		{"HeaderAuthToken", "X-Auth-Token", false},
		{"authToken", "X-Auth-Token", false},
		{"dbPassword", "DB_PASSWORD", false},
		{"dbPassword", "/prd/app/db/password", false},
		{"dbPassword", "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prd/db-AbCdEf", false},
		{"dbPassword", "{{resolve:secretsmanager:prd/db:SecretString:password}}", false},
		{"dbPassword", "${DB_PASSWORD}", false},
		{"password", "{{ .Values.x }}", false},
		{"token", "${{ secrets.X }}", false},
		// Placeholders.
		{"dbPassword", "", false},
		{"dbPassword", "   ", false},
		{"dbPassword", "<password>", false},
		{"dbPassword", "xxx", false},
		{"dbPassword", "********", false},
		{"dbPassword", "%s", false},
		{"dbPassword", "?", false},
		{"dbPassword", "$1", false},
		{"dbPassword", "changeme", false},
		{"dbPassword", "REPLACE_ME", false},
		{"apiToken", "your-token-here", false},
		{"dbPassword", "aaaa", false},
		{"dbPassword", "1111", false},
		// Messages, regexes, charsets, secret names, file paths.
		{"passwordPrompt", "Enter your password", false},
		{"password", "Enter your password", false},
		{"apiKey", `^[A-Za-z0-9]{40}$`, false},
		{"tokenChars", "abcdefghijklmnopqrstuvwxyz0123456789", false},
		{"secretChars", "abcdefghijklmnopqrstuvwxyz0123456789", false},
		{"WorkWebhookSecret", "work-webhook-serving-cert", false},
		{"dbSecret", "secrets/db.json", false},
		{"tlsPrivateKey", "certs/tls.key", false},
		// Not a credential name at all.
		{"Bypass", "Vq7rT2xLm9", false},
		{"DB_USER", "Vq7rT2xLm9", false},
		// Findings.
		{"dbPassword", "132001", true},
		{"SPRING_DATASOURCE_PASSWORD", "132001", true},
		{"dbPassword", "Vq7rT2xLm9", true},
		{"password", "hunter22", true},
		{"apiKey", "q8Zk2vN0pWx7Rt4LmB9sYc1HdF6gJeTa3uKoXi5V", true},
		{"githubToken", "k3J9xQ2mW8vT5rL1", true},
		{"clientSecret", "Zq8Rt2Lm9Xc4Vb7N", true},
		// Short or plain values under non-password kinds are not reported.
		{"apiKey", "132001", false},
		{"apiKey", "abcdefg", false},
	}
	for _, tt := range tests {
		got := m.LiteralCredential(rule, m.ClassifyName(tt.name), tt.value)
		if got != tt.want {
			t.Errorf("LiteralCredential(%s = %s) = %v, want %v", tt.name, match.Redact(tt.value), got, tt.want)
		}
	}
}

func TestLiteralCredentialAllowed(t *testing.T) {
	m := newMatcher(t, match.Options{
		AllowValues:     []string{`^sandbox-`},
		RuleAllowValues: map[string][]string{"hardcoded-credential": {`^local\d+$`}},
	})
	name := m.ClassifyName("dbPassword")
	tests := []struct {
		rule, value string
		want        bool
	}{
		{"hardcoded-credential", "sandbox-Vq7rT2xLm9", false},
		{"hardcoded-credential", "local2024", false},
		{"other-rule", "local2024", true},
		{"hardcoded-credential", "Vq7rT2xLm9", true},
	}
	for _, tt := range tests {
		if got := m.LiteralCredential(tt.rule, name, tt.value); got != tt.want {
			t.Errorf("LiteralCredential(%s, %s) = %v, want %v", tt.rule, match.Redact(tt.value), got, tt.want)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, v := range []string{"", "changeme", "CHANGEME", "${X}", "$(X)", "$X", "%X%", "@db.password@", "<nil>", "xxxx", "****", "aaaa", "1111", "zzzzzzzz", "....", "%-10v", ":password", "???", "$12", "example-password", "Password1", "AKIAIOSFODNN7EXAMPLE"} {
		if !m.IsPlaceholder(v) {
			t.Errorf("IsPlaceholder(%q) = false", v)
		}
	}
	for _, v := range []string{"Vq7rT2xLm9", "aaab", "132001", "hunter22", "abab"} {
		if m.IsPlaceholder(v) {
			t.Errorf("IsPlaceholder(%s) = true", match.Redact(v))
		}
	}
}

func TestIsReference(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, v := range []string{"arn:aws:ssm:us-east-1:123456789012:parameter/app/db", "/app/prd/db/password", "DB_PASSWORD", "ssm://app/db", "resolve:ssm:/app/db", "projects/p/secrets/db/versions/1", "https://vault.internal/v1/secret", "secrets/db.json"} {
		if !m.IsReference(v) {
			t.Errorf("IsReference(%q) = false", v)
		}
	}
	for _, v := range []string{"Vq7rT2xLm9", "https://u:Vq7rT2xLm9@h/", "db_password", "hunter22"} {
		if m.IsReference(v) {
			t.Errorf("IsReference(%s) = true", match.Redact(v))
		}
	}
}

func TestEntropy(t *testing.T) {
	tests := []struct {
		in       string
		min, max float64
	}{
		{"", 0, 0},
		{"aaaa", 0, 0},
		{"ab", 1, 1},
		{"abcd", 2, 2},
		{"q8Zk2vN0pWx7Rt4LmB9sYc1HdF6gJeTa3uKoXi5V", 4.5, 5.4},
	}
	for _, tt := range tests {
		if got := match.Entropy(tt.in); got < tt.min-1e-9 || got > tt.max+1e-9 {
			t.Errorf("Entropy(%q) = %v, want %v..%v", tt.in, got, tt.min, tt.max)
		}
	}
}

func TestOptionsKinds(t *testing.T) {
	m := newMatcher(t, match.Options{Kinds: []secretlint.Kind{
		{ID: "license", Title: secretlint.Text{EN: "license key", JA: "ライセンスキー"}, Secret: true, Store: secretlint.StoreSecretsManager, Words: []string{"serial"}},
		{ID: "token", Words: []string{"jeton"}},
	}})
	if got := kindID(m.ClassifyName("productSerial")); got != "license" {
		t.Errorf("user kind: ClassifyName(productSerial) = %q, want license", got)
	}
	if got := kindID(m.ClassifyName("apiJeton")); got != "token" {
		t.Errorf("user words of a catalogue kind: ClassifyName(apiJeton) = %q, want token", got)
	}
	if got := kindID(m.ClassifyName("githubToken")); got != "token" {
		t.Errorf("catalogue words kept: ClassifyName(githubToken) = %q, want token", got)
	}
}

func TestNewRejectsBadPatterns(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := match.New(cat, match.Options{AllowValues: []string{"("}}); err == nil {
		t.Error("New with an invalid allow pattern: no error")
	}
	if _, err := match.New(cat, match.Options{Detectors: []secretlint.Detector{{ID: "x", Keywords: []string{"x"}, Regex: "("}}}); err == nil {
		t.Error("New with an invalid detector regex: no error")
	}
}

func BenchmarkClassifyName(b *testing.B) {
	m := newMatcher(b, match.Options{})
	names := []string{
		"SPRING_DATASOURCE_PASSWORD", "/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD", "HTTPServerKey",
		"oauth2Token", "rds-master-pwd", "db.password", "PasswordField", "Bypass", "ctx", "err",
		"handler", "maxRetries", "userID", "spec.template.spec.containers[0].env[3].value", "githubToken",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.ClassifyName(names[i%len(names)])
	}
}

// TestLiteralCredentialPublicAndEncrypted covers values that are never
// credentials although their names say so.
func TestLiteralCredentialPublicAndEncrypted(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for name, v := range map[string]string{
		"noPassword":                 "postgres://app@db.internal/app",
		"dbPassword":                 "postgres://app:Vq7rT2xLm9@db.internal/app", // credential-in-connection-string's
		"stripeAPIKey":               "pk_live_51OS915JOUP8padFno9ij9ayt7",
		"tokenV1":                    "2019-10-01",
		"apiKey":                     "v2.4.1",
		"spring.datasource.password": "{cipher}OYFYHX3sA5Z9o2kQ",
		"dbPass":                     "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)",
	} {
		if m.LiteralCredential("hardcoded-credential", m.ClassifyName(name), v) {
			t.Errorf("LiteralCredential(%s, %s) = true", name, match.Redact(v))
		}
	}
	if !m.LiteralCredential("hardcoded-credential", m.ClassifyName("stripeAPIKey"), "q8Zk2vN0pWx7Rt4LmB9s") {
		t.Error("a real-looking API key is not a credential")
	}
}

func TestClassifyNameNumbered(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, name := range []string{"apiToken29", "password1", "DB_PASSWORD_2", "dbPassword2"} {
		if n := m.ClassifyName(name); !n.Credential() {
			t.Errorf("ClassifyName(%q) = %+v, want a credential", name, n)
		}
	}
	for _, name := range []string{"passwordField2", "token2Name", "tokens3"} {
		if n := m.ClassifyName(name); n.Credential() {
			t.Errorf("ClassifyName(%q) is a credential", name)
		}
	}
}

func TestClassifyNameNonSecretTokens(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, name := range []string{"NextToken", "nextPageToken", "ContinuationToken", "ClientToken", "max_tokens", "CancellationToken"} {
		if n := m.ClassifyName(name); n.Credential() {
			t.Errorf("ClassifyName(%q) is a credential", name)
		}
	}
	if n := m.ClassifyName("SessionToken"); !n.Credential() {
		t.Error("SessionToken is not a credential")
	}
}

func TestAWSLiterals(t *testing.T) {
	m := newMatcher(t, match.Options{})
	for _, v := range []string{"AKIA2ZXDQTGSPBGUOWXB", "ASIAW3KQ7ZRM5TXN2VLP"} {
		if !m.AWSAccessKeyID("static-aws-credentials", v) {
			t.Errorf("AWSAccessKeyID(%s) = false", match.Redact(v))
		}
	}
	for _, v := range []string{"accessKey", "test", "AKIAIOSFODNN7EXAMPLE", "AKIAXXXXXXXXXXXXXXXX", "${AWS_ACCESS_KEY_ID}", ""} {
		if m.AWSAccessKeyID("static-aws-credentials", v) {
			t.Errorf("AWSAccessKeyID(%q) = true", v)
		}
	}
	if !m.AWSSecretAccessKey("static-aws-credentials", "3uwK7d3OfvsOs2uxV6p3akugaajXOJfMs8lb+ZJu") {
		t.Error("a synthetic secret access key is not recognised")
	}
	for _, v := range []string{"secretKey", "test", "0123456789abcdef0123456789abcdef01234567", "q8Zk2vN0pWx7Rt4LmB9sYc1HdF6gEXAMPLEKEY"} {
		if m.AWSSecretAccessKey("static-aws-credentials", v) {
			t.Errorf("AWSSecretAccessKey(%q) = true", v)
		}
	}
}

func TestLiteralCredentialEncodedSentence(t *testing.T) {
	m := newMatcher(t, match.Options{})
	name := m.ClassifyName("AccessToken")
	// base64 of "this is not a real value"
	if m.LiteralCredential("hardcoded-credential", name, "dGhpcyBpcyBub3QgYSByZWFsIHZhbHVl") {
		t.Error("an encoded sentence is a credential")
	}
	// base64 of random bytes
	if !m.LiteralCredential("hardcoded-credential", name, "q3J9xK2mW8vT5rL1pZ7nB4cD6fH0sG2a") {
		t.Error("a random token is not a credential")
	}
}
