package secretlint_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
)

// The catalogue polices itself: every invariant a driver, the docs or SARIF
// rely on is checked here, and every detector is run over its own examples.
// A failure names the example by match.Redact, never by its value.

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

const minDetectors = 40

func load(t *testing.T) *secretlint.Catalogue {
	t.Helper()
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cat
}

func TestLoad(t *testing.T) {
	cat := load(t)
	if cat.Version != 1 {
		t.Errorf("version = %d, want 1", cat.Version)
	}
	again, err := secretlint.Parse(secretlint.RulesYAML())
	if err != nil {
		t.Fatalf("Parse(RulesYAML()): %v", err)
	}
	if len(again.Rules) != len(cat.Rules) || len(again.Detectors) != len(cat.Detectors) || len(again.Kinds) != len(cat.Kinds) {
		t.Errorf("Parse(RulesYAML()) differs from Load()")
	}
}

func TestRuleIDs(t *testing.T) {
	cat := load(t)
	if len(cat.Rules) == 0 {
		t.Fatal("no rules")
	}
	reserved := map[string]bool{}
	for _, id := range cat.Reserved {
		if !kebab.MatchString(id) {
			t.Errorf("reserved ID %q is not kebab-case", id)
		}
		if reserved[id] {
			t.Errorf("reserved ID %q is listed twice", id)
		}
		reserved[id] = true
	}
	seen := map[string]bool{}
	for _, r := range cat.Rules {
		if !kebab.MatchString(r.ID) {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule %s is defined twice", r.ID)
		}
		seen[r.ID] = true
		if !reserved[r.ID] {
			t.Errorf("rule %s is not in the reserved list", r.ID)
		}
		if r.Deprecated != "" && cat.Rule(r.Deprecated) == nil {
			t.Errorf("rule %s: deprecated in favour of unknown rule %q", r.ID, r.Deprecated)
		}
	}
}

func TestRuleMetadata(t *testing.T) {
	cat := load(t)
	for _, r := range cat.Rules {
		if !r.Severity.Valid() {
			t.Errorf("rule %s: severity %q is not error, warning or note", r.ID, r.Severity)
		}
		if len(r.Targets) == 0 {
			t.Errorf("rule %s has no targets", r.ID)
		}
		for _, tg := range r.Targets {
			if tg != "go" && tg != "yaml" && tg != "terraform" {
				t.Errorf("rule %s: unknown target %q", r.ID, tg)
			}
		}
		texts := []struct {
			name string
			text secretlint.Text
		}{{"title", r.Title}, {"description", r.Description}, {"remediation", r.Remediation}, {"message", r.Message}}
		for _, x := range texts {
			for _, lang := range secretlint.Languages {
				if strings.TrimSpace(textIn(x.text, lang)) == "" {
					t.Errorf("rule %s: %s has no %s text", r.ID, x.name, lang)
				}
			}
		}
		for _, lang := range secretlint.Languages {
			title := textIn(r.Title, lang)
			if n := utf8.RuneCountInString(title); n > 60 {
				t.Errorf("rule %s: %s title is %d characters, more than 60", r.ID, lang, n)
			}
			if strings.HasSuffix(title, ".") || strings.HasSuffix(title, "。") {
				t.Errorf("rule %s: %s title %q ends with a period", r.ID, lang, title)
			}
		}
		messages := map[string]secretlint.Text{"message": r.Message}
		for v, txt := range r.Messages {
			if !kebab.MatchString(v) {
				t.Errorf("rule %s: message variant %q is not kebab-case", r.ID, v)
			}
			messages["message variant "+v] = txt
		}
		for name, txt := range messages {
			for _, lang := range secretlint.Languages {
				msg := textIn(txt, lang)
				if msg == "" || strings.Contains(msg, "\n") || strings.HasSuffix(msg, ".") || strings.HasSuffix(msg, "。") {
					t.Errorf("rule %s: %s %s %q must be one non-empty line with no final period", r.ID, lang, name, msg)
				}
			}
			if en, ja := placeholders(txt.EN), placeholders(txt.JA); !slices.Equal(en, ja) {
				t.Errorf("rule %s: %s has placeholders %v in en but %v in ja", r.ID, name, en, ja)
			}
		}
		for _, ex := range slices.Concat(r.Examples.Bad, r.Examples.Good) {
			if ex.Lang != "go" && ex.Lang != "yaml" {
				t.Errorf("rule %s: example language %q is not go or yaml", r.ID, ex.Lang)
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\{[a-z][a-z0-9_]*\}`)

// placeholders returns the sorted, distinct {names} of a message template.
func placeholders(tmpl string) []string {
	ps := placeholder.FindAllString(tmpl, -1)
	slices.Sort(ps)
	return slices.Compact(ps)
}

// textIn returns t in lang with no fallback, so a missing translation shows.
func textIn(t secretlint.Text, lang string) string {
	switch lang {
	case "en":
		return t.EN
	case "ja":
		return t.JA
	}
	return ""
}

func TestDocsAnchors(t *testing.T) {
	cat := load(t)
	if cat.DocsURL == "" {
		t.Fatal("docs_url is empty")
	}
	if strings.Contains(cat.DocsURL, "#") {
		t.Errorf("docs_url %q already has a fragment", cat.DocsURL)
	}
	for _, r := range cat.Rules {
		if got := cat.HelpURI(r.ID); !strings.HasSuffix(got, "#"+r.ID) || !strings.HasPrefix(got, cat.DocsURL) {
			t.Errorf("HelpURI(%s) = %q, want %s#%s", r.ID, got, cat.DocsURL, r.ID)
		}
	}
}

func TestKinds(t *testing.T) {
	cat := load(t)
	seen := map[string]bool{}
	for _, k := range cat.Kinds {
		if !kebab.MatchString(k.ID) || seen[k.ID] {
			t.Errorf("kind %q: ID not kebab-case or defined twice", k.ID)
		}
		seen[k.ID] = true
		switch k.Store {
		case secretlint.StoreSecretsManager, secretlint.StoreParameterStore:
		case secretlint.StoreNone:
			if k.Secret {
				t.Errorf("kind %s: a secret kind cannot have store none", k.ID)
			}
		default:
			t.Errorf("kind %s: unknown store %q", k.ID, k.Store)
		}
		if k.Rotation != "" && k.Rotation != "required" {
			t.Errorf("kind %s: rotation %q is not empty or required", k.ID, k.Rotation)
		}
		if len(k.Words) == 0 {
			t.Errorf("kind %s has no words", k.ID)
		}
		for _, w := range slices.Concat(k.Words, k.Needs) {
			if w != strings.ToLower(w) || strings.TrimSpace(w) != w || w == "" {
				t.Errorf("kind %s: word %q must be lower-case, trimmed and non-empty", k.ID, w)
			}
		}
		if k.Title.EN == "" || k.Title.JA == "" {
			t.Errorf("kind %s: title needs en and ja", k.ID)
		}
	}
}

func TestDetectorMetadata(t *testing.T) {
	cat := load(t)
	if n := len(cat.Detectors); n < minDetectors {
		t.Errorf("%d detectors, want at least %d", n, minDetectors)
	}
	seen := map[string]bool{}
	for _, d := range cat.Detectors {
		if !kebab.MatchString(d.ID) || seen[d.ID] {
			t.Errorf("detector %q: ID not kebab-case or defined twice", d.ID)
		}
		seen[d.ID] = true
		if slices.Contains(cat.Reserved, d.ID) {
			t.Errorf("detector %s takes the ID of a rule", d.ID)
		}
		if d.Title == "" || utf8.RuneCountInString(d.Title) > 60 || strings.HasSuffix(d.Title, ".") {
			t.Errorf("detector %s: title %q must be 1 to 60 characters with no final period", d.ID, d.Title)
		}
		if d.Rule != "" && cat.Rule(d.Rule) == nil {
			t.Errorf("detector %s: unknown rule %q", d.ID, d.Rule)
		}
		if len(d.Keywords) == 0 {
			t.Errorf("detector %s has no keywords", d.ID)
		}
		for _, kw := range d.Keywords {
			// A shorter keyword occurs in too much ordinary text to filter anything.
			if len(kw) < 3 && kw != "Q~" {
				t.Errorf("detector %s: keyword %q is shorter than 3 characters", d.ID, kw)
			}
		}
		if d.MinEntropy < 0 || d.MinEntropy > 8 {
			t.Errorf("detector %s: min_entropy %v is outside 0..8 bits per byte", d.ID, d.MinEntropy)
		}
		if len(d.Examples.Match) == 0 {
			t.Errorf("detector %s has no match example", d.ID)
		}
		if len(d.Examples.NoMatch) == 0 {
			t.Errorf("detector %s has no no_match example", d.ID)
		}
	}
}

// TestDetectorExamples runs the full matcher over every match example (the
// detector must claim it, ahead of every other detector) and over every
// no_match example both the full matcher and the detector alone (TokensOf),
// so that no other detector hides a no_match example by claiming its span.
func TestDetectorExamples(t *testing.T) {
	cat := load(t)
	all, err := match.New(cat, match.Options{})
	if err != nil {
		t.Fatalf("match.New: %v", err)
	}
	for _, d := range cat.Detectors {
		t.Run(d.ID, func(t *testing.T) {
			for _, ex := range d.Examples.Match {
				tok, ok := find(all.Tokens(ex), d.ID)
				if !ok {
					t.Errorf("match example %s: not found by %s; found %v", match.Redact(ex), d.ID, ids(all.Tokens(ex)))
					continue
				}
				if tok.Start < 0 || tok.End > len(ex) || tok.Start >= tok.End || ex[tok.Start:tok.End] != tok.Secret {
					t.Errorf("match example %s: bad span [%d,%d)", match.Redact(ex), tok.Start, tok.End)
				}
				if tok.Rule != "hardcoded-token" && tok.Rule != d.Rule {
					t.Errorf("match example %s: reported under %q", match.Redact(ex), tok.Rule)
				}
			}
			for _, ex := range d.Examples.NoMatch {
				if _, ok := find(all.Tokens(ex), d.ID); ok {
					t.Errorf("no_match example %s: found by %s", match.Redact(ex), d.ID)
				}
				if toks := all.TokensOf(d.ID, ex); len(toks) > 0 {
					t.Errorf("no_match example %s: found by %s alone", match.Redact(ex), d.ID)
				}
			}
		})
	}
}

func find(ts []match.Token, id string) (match.Token, bool) {
	for _, t := range ts {
		if t.DetectorID == id {
			return t, true
		}
	}
	return match.Token{}, false
}

func ids(ts []match.Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.DetectorID
	}
	return out
}

// TestRuleExamplesTokens checks that the hardcoded-token rule's documented
// bad example is caught by a detector and its good example is not.
func TestRuleExamplesTokens(t *testing.T) {
	cat := load(t)
	m, err := match.New(cat, match.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := cat.Rule("hardcoded-token")
	if r == nil {
		t.Fatal("no hardcoded-token rule")
	}
	for _, ex := range r.Examples.Bad {
		if len(m.Tokens(ex.Code)) == 0 {
			t.Errorf("bad example of hardcoded-token %s: no detector finds it", match.Redact(ex.Code))
		}
	}
	for _, ex := range r.Examples.Good {
		if toks := m.Tokens(ex.Code); len(toks) > 0 {
			t.Errorf("good example of hardcoded-token %s: found by %v", match.Redact(ex.Code), ids(toks))
		}
	}
}

// TestValidateRejects makes sure the invariants above are also enforced when
// a catalogue is parsed, so a broken rules.yaml fails Load, not only tests.
func TestValidateRejects(t *testing.T) {
	const base = `
version: 1
reserved: [good-rule]
rules:
- id: good-rule
  severity: error
  targets: [go]
  title: {en: A title, ja: タイトル}
  description: {en: d, ja: d}
  remediation: {en: r, ja: r}
  message: {en: m, ja: m}
`
	if _, err := secretlint.Parse([]byte(base)); err != nil {
		t.Fatalf("base catalogue: %v", err)
	}
	tests := []struct {
		name, yaml, want string
	}{
		{"unreserved rule", strings.Replace(base, "reserved: [good-rule]", "reserved: [other]", 1), "not in the reserved list"},
		{"bad severity", strings.Replace(base, "severity: error", "severity: fatal", 1), "severity"},
		{"long title", strings.Replace(base, "en: A title", "en: "+strings.Repeat("x", 61), 1), "at most 60"},
		{"title period", strings.Replace(base, "en: A title", "en: A title.", 1), "final period"},
		{"missing ja", strings.Replace(base, "remediation: {en: r, ja: r}", "remediation: {en: r}", 1), "needs en and ja"},
		{"unknown field", base + "unknown: 1\n", "unknown"},
		{"bad store", base + "kinds:\n- {id: k, title: {en: k, ja: k}, store: disk, words: [w]}\n", "unknown store"},
		{"bad regex", base + "detectors:\n- {id: d, keywords: [k], regex: '(('}\n", "detector d"},
		{"group out of range", base + "detectors:\n- {id: d, keywords: [k], regex: 'a(b)', secret_group: 2}\n", "out of range"},
		{"no keywords", base + "detectors:\n- {id: d, regex: 'a'}\n", "no keywords"},
		{"duplicate detector", base + "detectors:\n- {id: d, keywords: [k], regex: 'a'}\n- {id: d, keywords: [k], regex: 'b'}\n", "defined twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := secretlint.Parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFormatFillsPlaceholders(t *testing.T) {
	r := &secretlint.Rule{Message: secretlint.Text{EN: "{kind} in {place}; {{resolve:ssm:x}} ${VAR} {kind}", JA: "{place} の {kind}"}}
	if got, want := r.Format("en", "kind", "DB password", "place", "const {x}"), "DB password in const {x}; {{resolve:ssm:x}} ${VAR} DB password"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got, want := r.Format("ja", "kind", "DBパスワード", "place", "定数"), "定数 の DBパスワード"; got != want {
		t.Errorf("Format(ja) = %q, want %q", got, want)
	}
}

// A message composed without one of its arguments fails the test that
// composes it instead of printing "{x}".
func TestFormatMissingArgumentPanicsUnderTest(t *testing.T) {
	r := &secretlint.Rule{Message: secretlint.Text{EN: "{kind} in {place}", JA: "{place} の {kind}"}}
	defer func() {
		if recover() == nil {
			t.Error("Format with a missing argument did not panic under test")
		}
	}()
	_ = r.Format("en", "kind", "DB password")
}

func TestParamsValidated(t *testing.T) {
	base := "version: 1\nreserved: [r]\nrules:\n- id: r\n  severity: error\n  targets: [go]\n  title: {en: t, ja: t}\n  description: {en: d, ja: d}\n  remediation: {en: r, ja: r}\n"
	for _, tt := range []struct{ name, yaml, want string }{
		{"undeclared", base + "  message: {en: '{a}', ja: '{a}'}\n", "not among its params"},
		{"languages differ", base + "  params: [a, b]\n  message: {en: '{a} {b}', ja: '{a}'}\n", "ja takes"},
		{"unused", base + "  params: [a, b]\n  message: {en: '{a}', ja: '{a}'}\n", "used by no message"},
		{"phrase", base + "  message: {en: m, ja: m}\nphrases:\n  p: {en: '{x}', ja: '{x}'}\n", "phrase p: {x} is not among"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := secretlint.Parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Every rule has fixtures for each engine of its targets: a fixture
// directory named after the rule whose files expect a finding of it.
func TestRuleFixturesPerTarget(t *testing.T) {
	cat := load(t)
	dirs := map[string]string{"go": "src", "yaml": "yaml", "terraform": "tf"}
	for _, r := range cat.Rules {
		for _, target := range r.Targets {
			dir := filepath.Join("testdata", dirs[target], r.ID)
			found := false
			err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || found {
					return err
				}
				src, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				found = bytes.Contains(src, []byte("want "))
				return nil
			})
			if err != nil || !found {
				t.Errorf("rule %s targets %s but %s has no fixture that wants a finding (%v)", r.ID, target, dir, err)
			}
		}
	}
}
