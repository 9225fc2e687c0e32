package match_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awsguard/secretlint/internal/match"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"SPRING_DATASOURCE_PASSWORD", []string{"spring", "datasource", "password"}},
		{"/ccntnt/prd/tomcat/SPRING_DATASOURCE_PASSWORD", []string{"ccntnt", "prd", "tomcat", "spring", "datasource", "password"}},
		{"HTTPServerKey", []string{"http", "server", "key"}},
		{"oauth2Token", []string{"oauth2", "token"}},
		{"rds-master-pwd", []string{"rds", "master", "pwd"}},
		{"db.password", []string{"db", "password"}},
		{"dbPassword", []string{"db", "password"}},
		{"APIKey", []string{"api", "key"}},
		{"X_API_KEY", []string{"x", "api", "key"}},
		{"PGPASSWORD", []string{"pgpassword"}},
		{"MasterUserPassword", []string{"master", "user", "password"}},
		{"cla-rds-password-%s", []string{"cla", "rds", "password", "s"}},
		{"spec.containers[0].env[1].value", []string{"spec", "containers", "0", "env", "1", "value"}},
		{"v2", []string{"v2"}},
		{"Bypass", []string{"bypass"}},
		{"GroupWrite", []string{"group", "write"}},
		{"", nil},
		{"__--..//", nil},
	}
	for _, tt := range tests {
		if got := match.Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var redacted = regexp.MustCompile(`^(.*)…\((\d+) chars\)$`)

func TestRedact(t *testing.T) {
	values := []string{
		"", "a", "abc", "hunter22", "Vq7rT2xLm9", "abcdefghijk", "abcdefghijkl", "abcdefghijklmnop",
		"AKIAQ7TMXZ4RWP2KJ6NB", "xoxb-7305829164-4829175036-Wq3ZtR8mKp2VnX7cLd5FgHb9",
		"パスワードパスワードパスワード", strings.Repeat("s", 200),
	}
	for n := range 40 {
		values = append(values, strings.Repeat("z", n))
	}
	for _, v := range values {
		got := match.Redact(v)
		sub := redacted.FindStringSubmatch(got)
		if sub == nil {
			t.Errorf("Redact of a %d-character value = %q, not <prefix>…(<n> chars)", utf8.RuneCountInString(v), got)
			continue
		}
		shown, n := sub[1], utf8.RuneCountInString(v)
		if l := utf8.RuneCountInString(shown); l > 4 || l > n/4 || n > 0 && l >= n {
			t.Errorf("Redact of a %d-character value shows %d characters", n, l)
		}
		if !strings.HasPrefix(v, shown) {
			t.Errorf("Redact of a %d-character value shows characters that do not start it", n)
		}
		if n < 12 && shown != "" {
			t.Errorf("Redact of a %d-character value shows %d characters; short values show none", n, utf8.RuneCountInString(shown))
		}
		if sub[2] != strconv.Itoa(n) {
			t.Errorf("Redact of a %d-character value gives length %s", n, sub[2])
		}
	}
}
