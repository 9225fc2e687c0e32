package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/match"
)

var wordRE = regexp.MustCompile(`[A-Za-z0-9/+_-]+`)

// secretWords returns the credential-like words of the input's source
// lines (long, with letters and digits) that no given field holds: the
// synthetic secrets the findings point at.
func secretWords(in *input, fs []finding.Finding) []string {
	var given strings.Builder
	for _, f := range fs {
		given.WriteString(f.Rule + "\x00" + f.File + "\x00" + f.Message + "\x00")
	}
	seen := map[string]bool{}
	var out []string
	for _, lines := range in.Sources {
		for _, l := range lines {
			for _, w := range wordRE.FindAllString(l, -1) {
				if len(w) < 12 || !strings.ContainsAny(w, "0123456789") || !strings.ContainsFunc(w, isLetter) ||
					strings.Contains(given.String(), w) || seen[w] {
					continue
				}
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// TestNoSecretInOutput feeds findings whose messages hold no secret, with
// source lines that do, and checks that no format adds secret text: no
// secret or part of one, nothing a detector recognises, and output that
// does not change when the secrets in the source change.
func TestNoSecretInOutput(t *testing.T) {
	in, fs, opts := load(t)
	secrets := secretWords(in, fs)
	if len(secrets) != 6 {
		// The input has six synthetic secrets; fewer would make this test weaker.
		t.Fatalf("found %d secrets in the input's source lines, want 6", len(secrets))
	}
	real := catalogue(t)
	m, err := match.New(real, match.Options{}) // all the real detectors
	if err != nil {
		t.Fatal(err)
	}
	masked := func(file string, line int) string {
		l := in.source(file, line)
		for _, s := range secrets {
			l = strings.ReplaceAll(l, s, strings.Repeat("x", len(s)))
		}
		return l
	}

	variants := map[string]func(*Options){
		"":       func(*Options) {},
		"+color": func(o *Options) { o.Color = true },
		"+ja":    func(o *Options) { o.Lang = "ja" },
		"+real":  func(o *Options) { o.Catalogue = real },
	}
	for _, format := range Formats {
		for suffix, change := range variants {
			t.Run(format+suffix, func(t *testing.T) {
				o := opts
				o.Format = format
				change(&o)
				out := string(render(t, fs, o))
				for _, s := range secrets {
					for _, part := range []string{s, s[:8], s[len(s)-8:]} {
						if strings.Contains(out, part) {
							t.Errorf("output holds (part of) the secret %s", match.Redact(s))
						}
					}
				}
				for _, tok := range m.Tokens(out) {
					t.Errorf("output holds a %s (%s)", tok.Title, match.Redact(tok.Secret))
				}
				for _, c := range m.ConnStrings(out) {
					t.Errorf("output holds a %s connection string with a password (%s)", c.Scheme, match.Redact(c.Password))
				}
				o.Source = masked
				if again := string(render(t, fs, o)); again != out {
					t.Errorf("output changes with the secret bytes of the source lines")
				}
			})
		}
	}
}

// TestJSONHoldsOnlyGivenFields checks that every string of the json format
// is a field of a given finding or problem, or the tool's name or version.
func TestJSONHoldsOnlyGivenFields(t *testing.T) {
	in, fs, opts := load(t)
	opts.Format = "json"
	allowed := map[string]bool{toolName: true, in.Version: true}
	for _, f := range fs {
		for _, s := range []string{f.Rule, string(severity(f)), f.File, f.Message, f.Fingerprint} {
			allowed[s] = true
		}
	}
	for _, p := range in.Problems {
		allowed[p.File], allowed[p.Message] = true, true
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(render(t, fs, opts)))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case string:
			if !allowed[v] {
				t.Errorf("json output holds a string no input gave: %s", match.Redact(v))
			}
		}
	}
	walk(doc)
}
