package match_test

import (
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/match"
)

// TestRedactText checks that every shape of secret an error message may
// echo is redacted, and that the message's own words stay readable.
func TestRedactText(t *testing.T) {
	m := newMatcher(t, match.Options{})
	token := "ghp_" + "R8sK2mQ7vX4nL9pT3wZ6yB1cD5fG0hJ2kL4m"
	for _, c := range []struct{ in, secret string }{
		{"undefined: " + token, token},
		{"invalid flag in #cgo LDFLAGS: --password=Hunter2xyzzy", "Hunter2xyzzy"},
		{"pattern " + token + ": no matching files found", token},
		{"//go:embed " + token + ": no matching files", token},
		{"go: errors parsing go.mod: go.mod:3: unknown directive: " + token, token},
		{`cannot use "Vq7rT2xLm9Kp" (untyped string constant) as int value`, "Vq7rT2xLm9Kp"},
		{"dial postgres://app:S3cr3tPassw0rd@db.internal/app failed", "S3cr3tPassw0rd"},
		{"unexpected token wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY9 here", "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY9"},
		{"db_password: 'Tq2vX9rLm4Kp'", "Tq2vX9rLm4Kp"},
	} {
		got := m.RedactText(c.in)
		if strings.Contains(got, c.secret) {
			t.Errorf("RedactText(%q) = %q: holds the secret", c.in, got)
		}
	}
	for _, keep := range []string{
		"expected ')', found 'EOF'",
		"syntax error: unexpected newline, expected comma or )",
		`could not import github.com/awsguard/secretlint/internal/match (open : no such file)`,
		"mapping values are not allowed in this context",
		"undefined: fmt.Printlnx",
		"password: ${DB_PASSWORD}",
	} {
		if got := m.RedactText(keep); got != keep {
			t.Errorf("RedactText(%q) = %q, want it unchanged", keep, got)
		}
	}
}

func FuzzRedactText(f *testing.F) {
	for _, s := range []string{"undefined: ghp_R8sK2mQ7vX4nL9pT3wZ6yB1cD5fG0hJ2kL4m", "expected ')', found 'EOF'", `"abcdefgh"`, "password=x y", "a'b'c"} {
		f.Add(s)
	}
	m := newMatcher(f, match.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		out := m.RedactText(s)
		if s != "" && out == "" {
			t.Fatalf("RedactText(%q) is empty", s)
		}
		// No detector token of the input survives whole.
		for _, tok := range m.Tokens(s) {
			if len(tok.Secret) >= 12 && strings.Contains(out, tok.Secret) {
				t.Fatalf("RedactText(%q) = %q keeps %q", s, out, tok.Secret)
			}
		}
	})
}
