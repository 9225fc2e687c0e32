package match_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awsguard/secretlint/internal/match"
)

// FuzzConnStrings checks that every password found lies in the text.
func FuzzConnStrings(f *testing.F) {
	for _, s := range []string{
		"postgres://app:S3cr3tPassw0rd@db.internal/app", "jdbc:mysql://u:p@h:3306/db?password=x",
		"host=h user=u password='a b' dbname=d", "Server=h;Database=d;User Id=u;Password=p;",
		"u:pw@tcp(127.0.0.1:3306)/db", "a://:@b", "mysql://u:p@@h/",
	} {
		f.Add(s)
	}
	m := newMatcher(f, match.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range m.ConnStrings(s) {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || s[c.Start:c.End] != c.Password {
				t.Fatalf("ConnStrings(%q): %+v", s, c)
			}
		}
		for _, tok := range m.Tokens(s) {
			if tok.Start < 0 || tok.End > len(s) || s[tok.Start:tok.End] != tok.Secret {
				t.Fatalf("Tokens(%q): %+v", s, tok)
			}
		}
	})
}

// FuzzWords checks identifier splitting: words are lower-case pieces of
// the identifier, and classifying never panics.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"DBPassword", "db_password", "spring.datasource.password", "APIKey2", "パスワード", "x-api-key", "HTTPSProxyURL"} {
		f.Add(s)
	}
	m := newMatcher(f, match.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		lower := strings.ToLower(s)
		for _, w := range match.Words(s) {
			if w == "" || utf8.ValidString(s) && !strings.Contains(lower, w) {
				t.Fatalf("Words(%q) has %q", s, w)
			}
		}
		m.ClassifyName(s)
	})
}
