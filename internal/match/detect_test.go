package match_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
)

// Synthetic values of the right shape, made for these tests.
const (
	ghpToken   = "ghp_R8mKp2VnX7cLd5FgHb9Wq3ZtYs4Jf6Nu1Ae0"
	awsKeyID   = "AKIAQ7TMXZ4RWP2KJ6NB"
	slackToken = "xoxb-7305829164-4829175036-Wq3ZtR8mKp2VnX7cLd5FgHb9"
	awsSecret  = "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"
)

func TestTokensSpans(t *testing.T) {
	m := newMatcher(t, match.Options{})
	text := `package deploy

// ci token: ` + ghpToken + `
var cfg = Config{
	KeyID:           "` + awsKeyID + `",
	SecretAccessKey: "` + awsSecret + `",
	Slack:           "` + slackToken + `",
}
`
	want := []struct{ id, secret string }{
		{"github-pat", ghpToken},
		{"aws-access-key-id", awsKeyID},
		{"aws-secret-access-key", awsSecret},
		{"slack-bot-token", slackToken},
	}
	got := m.Tokens(text)
	if len(got) != len(want) {
		t.Fatalf("Tokens: %d tokens %v, want %d", len(got), tokenIDs(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		start := strings.Index(text, w.secret)
		if g.DetectorID != w.id || g.Start != start || g.End != start+len(w.secret) || g.Secret != w.secret {
			t.Errorf("token %d = %s [%d,%d), want %s [%d,%d)", i, g.DetectorID, g.Start, g.End, w.id, start, start+len(w.secret))
		}
		if g.Rule != "hardcoded-token" || g.Title == "" {
			t.Errorf("token %d: rule %q title %q", i, g.Rule, g.Title)
		}
	}
}

func TestTokensWordBoundaries(t *testing.T) {
	m := newMatcher(t, match.Options{})
	tests := []struct {
		text string
		want string // detector ID, or "" for none
	}{
		{ghpToken, "github-pat"},
		{`"` + ghpToken + `"`, "github-pat"},
		{"token=" + ghpToken + ";", "github-pat"},
		{"x" + ghpToken, ""},
		{"my_" + ghpToken, ""},
		{ghpToken + "x", ""},
		{ghpToken + "_x", ""},
		{"/" + awsKeyID + "/", "aws-access-key-id"},
		{"Z" + awsKeyID, ""},
		{awsKeyID + "Z", ""},
		{"sha256-" + awsKeyID + "9", ""},
		{slackToken, "slack-bot-token"},
		{"a" + slackToken, ""},
		// The secret value alone carries no context.
		{awsSecret, ""},
		{"aws_secret_access_key=" + awsSecret, "aws-secret-access-key"},
		{"aws_secret_access_key=" + awsSecret + "A", ""},
	}
	for _, tt := range tests {
		got := m.Tokens(tt.text)
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("Tokens(%s) = %v, want none", match.Redact(tt.text), tokenIDs(got))
		case tt.want != "" && (len(got) != 1 || got[0].DetectorID != tt.want):
			t.Errorf("Tokens(%s) = %v, want [%s]", match.Redact(tt.text), tokenIDs(got), tt.want)
		}
	}
}

func TestMayHaveTokens(t *testing.T) {
	m := newMatcher(t, match.Options{})
	// "AKIA 1234" holds a keyword but is shorter than any detector's match.
	for _, text := range []string{"", "ghp_", "AKIA 1234", "if err != nil { return err }", "func (s *Server) handle(w http.ResponseWriter, r *http.Request) {}"} {
		if m.MayHaveTokens(text) {
			t.Errorf("MayHaveTokens(%q) = true", text)
		}
	}
	for _, text := range []string{"prefix ghp_ suffix", "PREFIX GHP_ SUFFIX", "access key id: AKIA", "-----BEGIN PRIVATE KEY-----"} {
		if !m.MayHaveTokens(text) {
			t.Errorf("MayHaveTokens(%q) = false", text)
		}
	}
	if got := m.Tokens(strings.ToUpper(ghpToken)); len(got) != 0 {
		t.Errorf("an upper-cased token passes the keyword filter and the regex: %v", tokenIDs(got))
	}
}

func TestTokensGates(t *testing.T) {
	tests := []struct {
		name string
		opts match.Options
		text string
		want []string
	}{
		{"low entropy", match.Options{}, "AKIAXXXXXXXXXXXXXXXX", nil},
		{"documented example", match.Options{}, "AKIAIOSFODNN7EXAMPLE", nil},
		{"allowed everywhere", match.Options{AllowValues: []string{`^AKIAQ7TM`}}, awsKeyID + " " + ghpToken, []string{"github-pat"}},
		{"allowed for the rule", match.Options{RuleAllowValues: map[string][]string{"hardcoded-token": {`^ghp_R8mK`}}}, ghpToken, nil},
		{"allowed for another rule", match.Options{RuleAllowValues: map[string][]string{"hardcoded-credential": {`^ghp_R8mK`}}}, ghpToken, []string{"github-pat"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMatcher(t, tt.opts)
			if got := tokenIDs(m.Tokens(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTokensUserDetectors(t *testing.T) {
	m := newMatcher(t, match.Options{Detectors: []secretlint.Detector{
		{ID: "acme-api-key", Title: "Acme API key", Keywords: []string{"acme_"}, Regex: `\b(acme_[a-z0-9]{16})\b`, SecretGroup: 1, MinEntropy: 3},
		{ID: "acme-db-dsn", Title: "Acme DSN", Rule: "credential-in-connection-string", Keywords: []string{"acmedb:"}, Regex: `acmedb:([A-Za-z0-9]{10})`, SecretGroup: 1},
		// Claims the same span as github-pat, which comes first.
		{ID: "any-ghp", Title: "any ghp", Keywords: []string{"ghp_"}, Regex: `ghp_\w+`},
	}})
	text := "k1 = acme_k3j9xq2mw8vt5rl1\nk2 = acmedb:Vq7rT2xLm9\nk3 = " + ghpToken + "\nk4 = acme_aaaaaaaaaaaaaaaa"
	got := m.Tokens(text)
	wantIDs := []string{"acme-api-key", "acme-db-dsn", "github-pat"}
	if !slices.Equal(tokenIDs(got), wantIDs) {
		t.Fatalf("Tokens = %v, want %v", tokenIDs(got), wantIDs)
	}
	if got[0].Rule != "hardcoded-token" || got[1].Rule != "credential-in-connection-string" {
		t.Errorf("rules = %q, %q", got[0].Rule, got[1].Rule)
	}
	if got[1].Secret != "Vq7rT2xLm9" {
		t.Errorf("secret group: got %s", match.Redact(got[1].Secret))
	}
	if !slices.Contains(m.DetectorIDs(), "acme-api-key") || !slices.Contains(m.DetectorIDs(), "github-pat") {
		t.Errorf("DetectorIDs = %v", m.DetectorIDs())
	}
	if ts := m.TokensOf("acme-db-dsn", text); len(ts) != 1 || ts[0].DetectorID != "acme-db-dsn" {
		t.Errorf("TokensOf(acme-db-dsn) = %v", tokenIDs(ts))
	}
	// In Tokens, github-pat claims the span first; TokensOf runs any-ghp alone.
	if ts := m.TokensOf("any-ghp", text); len(ts) != 1 || ts[0].Secret != ghpToken {
		t.Errorf("TokensOf(any-ghp) = %v, want the token", tokenIDs(ts))
	}
	if ts := m.TokensOf("acme-api-key", "nothing here at all"); len(ts) != 0 {
		t.Errorf("TokensOf without a keyword = %v", tokenIDs(ts))
	}
	if ts := m.TokensOf("no-such-detector", text); len(ts) != 0 {
		t.Errorf("TokensOf(no-such-detector) = %v", tokenIDs(ts))
	}
}

// A detector with an empty keyword runs on every text, as the keyword
// filter's substring semantics say: "" occurs everywhere.
func TestTokensEmptyKeyword(t *testing.T) {
	m := newMatcher(t, match.Options{Detectors: []secretlint.Detector{
		{ID: "acme-id", Title: "Acme ID", Keywords: []string{""}, Regex: `\bAC-[0-9]{8}\b`},
	}})
	text := "order AC-12345678 shipped"
	if !m.MayHaveTokens(text) {
		t.Error("MayHaveTokens = false")
	}
	if got := tokenIDs(m.Tokens(text)); !slices.Equal(got, []string{"acme-id"}) {
		t.Errorf("Tokens = %v, want [acme-id]", got)
	}
	if got := tokenIDs(m.TokensOf("acme-id", text)); !slices.Equal(got, []string{"acme-id"}) {
		t.Errorf("TokensOf = %v, want [acme-id]", got)
	}
}

func tokenIDs(ts []match.Token) []string {
	var ids []string
	for _, t := range ts {
		ids = append(ids, t.DetectorID)
	}
	return ids
}

// goSource is ordinary Go code with no token, the common case for Tokens.
const goSource = `package orders

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"time"
)

// Config holds the service settings read from the environment.
type Config struct {
	Addr        string        ` + "`json:\"addr\" yaml:\"addr\"`" + `
	DSNParam    string        ` + "`json:\"dsn_param\" yaml:\"dsnParam\"`" + `
	Timeout     time.Duration ` + "`json:\"timeout\" yaml:\"timeout\"`" + `
	MaxRetries  int           ` + "`json:\"max_retries\" yaml:\"maxRetries\"`" + `
	PasswordEnv string        ` + "`json:\"password_env\" yaml:\"passwordEnv\"`" + `
}

const (
	defaultAddr    = ":8080"
	passwordEnvVar = "DB_PASSWORD"
	ssmDSNPath     = "/app/prd/orders/db/dsn"
	userAgent      = "orders-service/1.4.2 (+https://example.com/orders)"
)

var errNotFound = errors.New("order not found")

type Server struct {
	db  *sql.DB
	log *slog.Logger
	cfg Config
}

func LoadConfig() (Config, error) {
	cfg := Config{Addr: defaultAddr, Timeout: 5 * time.Second, PasswordEnv: passwordEnvVar}
	if v := os.Getenv("ORDERS_ADDR"); v != "" {
		cfg.Addr = v
	}
	if v := os.Getenv("ORDERS_MAX_RETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return cfg, fmt.Errorf("ORDERS_MAX_RETRIES=%q: %w", v, err)
		}
		cfg.MaxRetries = n
	}
	return cfg, nil
}

func (s *Server) handleGet(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad order id", http.StatusBadRequest)
		return
	}
	var o struct {
		ID     int64   ` + "`json:\"id\"`" + `
		Status string  ` + "`json:\"status\"`" + `
		Total  float64 ` + "`json:\"total\"`" + `
	}
	row := s.db.QueryRowContext(ctx, "SELECT id, status, total FROM orders WHERE id = $1", id)
	if err := row.Scan(&o.ID, &o.Status, &o.Total); errors.Is(err, sql.ErrNoRows) {
		http.Error(w, errNotFound.Error(), http.StatusNotFound)
		return
	} else if err != nil {
		s.log.ErrorContext(ctx, "query order", "id", id, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("User-Agent", userAgent)
	if err := json.NewEncoder(w).Encode(o); err != nil {
		s.log.WarnContext(ctx, "encode order", "err", err)
	}
}
`

func BenchmarkTokens(b *testing.B) {
	m := newMatcher(b, match.Options{})
	withTokens := strings.Replace(goSource, `userAgent      = "orders-service/1.4.2 (+https://example.com/orders)"`,
		`userAgent      = "orders-service/1.4.2 (+https://example.com/orders)"
	ciToken        = "`+ghpToken+`"
	slackHook      = "`+slackToken+`"
	legacyKeyID    = "`+awsKeyID+`"`, 1)
	literals := strings.Split(goSource, "\"")
	for _, bb := range []struct {
		name  string
		texts []string
	}{
		{"clean-file", []string{goSource}},
		{"file-with-tokens", []string{withTokens}},
		{"literals", literals},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(strings.Join(bb.texts, ""))))
			b.ReportAllocs()
			for b.Loop() {
				for _, text := range bb.texts {
					m.Tokens(text)
				}
			}
		})
	}
}

// BenchmarkPrefilter measures the keyword prefilter alone: MayHaveTokens
// on the string literals of a Go file (the texts it mostly gets) and on the
// whole file, without and with a token near its start.
func BenchmarkPrefilter(b *testing.B) {
	m := newMatcher(b, match.Options{})
	withToken := strings.Replace(goSource, "package orders", "package orders\nconst ciToken = \""+ghpToken+"\"", 1)
	for _, bb := range []struct {
		name  string
		texts []string
	}{
		{"literals", strings.Split(goSource, "\"")},
		{"clean-file", []string{goSource}},
		{"file-with-token", []string{withToken}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(strings.Join(bb.texts, ""))))
			b.ReportAllocs()
			for b.Loop() {
				for _, text := range bb.texts {
					m.MayHaveTokens(text)
				}
			}
		})
	}
}
