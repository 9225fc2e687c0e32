package yamlscan

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/finding"
)

// The fixture harness follows analysistest: fixtures live in
// testdata/yaml/<rule-id>/, and a line that must have a finding ends with
//
//	# want "regexp" ...
//
// Each quoted (or back-quoted) regexp must match the message of one
// finding on that line, whose rule is the directory's rule unless the
// regexp is prefixed with `other-rule:`. `# want +N "rx"` expects the
// finding N lines below (block scalars). JSON fixtures, which cannot hold
// comments, take a sidecar <file>.want of `line "rx" ...` lines. An
// unexpected finding fails, an unmatched expectation fails, and a fixture
// without expectations must be clean. The `# want` comments are cut from
// the text before it is scanned.

var fixtureRoot = filepath.Join("..", "..", "testdata", "yaml")

func testSettings(t testing.TB) *config.Settings {
	t.Helper()
	s, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	s.Lang = "en"
	return s
}

type expectation struct {
	line    int
	rule    string // "" for the directory's rule
	rx      *regexp.Regexp
	matched bool
}

var wantComment = regexp.MustCompile(`(^|\s)#\s*want\s+(.*)$`)

// parseWants parses the text after `want`: an optional +N, then regexps,
// each optionally prefixed by `rule-id:`.
func parseWants(t tb, file string, line int, text string) []*expectation {
	t.Helper()
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "+") {
		n, rest, _ := strings.Cut(text[1:], " ")
		d, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("%s:%d: bad want offset %q", file, line, n)
		}
		line += d
		text = strings.TrimSpace(rest)
	}
	var out []*expectation
	for text != "" {
		rule := ""
		if i := strings.IndexAny(text, "\"`"); i > 0 && strings.HasSuffix(text[:i], ":") {
			rule, text = text[:i-1], text[i:]
		}
		if text == "" || text[0] != '"' && text[0] != '`' {
			t.Fatalf("%s:%d: want expects quoted regexps, got %q", file, line, text)
		}
		q, err := strconv.QuotedPrefix(text)
		if err != nil {
			t.Fatalf("%s:%d: bad want regexp: %v", file, line, err)
		}
		s, _ := strconv.Unquote(q)
		rx, err := regexp.Compile(s)
		if err != nil {
			t.Fatalf("%s:%d: bad want regexp: %v", file, line, err)
		}
		out = append(out, &expectation{line: line, rule: rule, rx: rx})
		text = strings.TrimSpace(text[len(q):])
	}
	return out
}

// loadFixture returns a fixture's text with its `# want` comments cut and
// its expectations.
func loadFixture(t tb, path string) ([]byte, []*expectation) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var wants []*expectation
	if strings.HasSuffix(path, ".json") {
		if w, err := os.ReadFile(path + ".want"); err == nil {
			for i, l := range strings.Split(string(w), "\n") {
				l = strings.TrimSpace(l)
				if l == "" || strings.HasPrefix(l, "#") {
					continue
				}
				n, rest, _ := strings.Cut(l, " ")
				line, err := strconv.Atoi(n)
				if err != nil {
					t.Fatalf("%s.want:%d: line number expected", path, i+1)
				}
				wants = append(wants, parseWants(t, path, line, rest)...)
			}
		}
		return src, wants
	}
	lines := bytes.Split(src, []byte("\n"))
	for i, l := range lines {
		m := wantComment.FindSubmatchIndex(l)
		if m == nil {
			continue
		}
		wants = append(wants, parseWants(t, path, i+1, string(l[m[4]:m[5]]))...)
		lines[i] = bytes.TrimRight(l[:m[0]+(m[3]-m[2])], " \t")
	}
	return bytes.Join(lines, []byte("\n")), wants
}

// TestFixtures scans the fixtures of each rule directory as one scan, so
// that checks across files (rotation schedules in another template) see
// them all, then checks each file's findings.
func TestFixtures(t *testing.T) {
	s := testSettings(t)
	dirs, err := os.ReadDir(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		rule := d.Name()
		if !s.Known(rule) {
			t.Errorf("fixture directory %s is not a rule ID", rule)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(fixtureRoot, rule, "*"))
		// The directory's rule runs even when it is opt-in.
		ds := testSettings(t)
		ds.Rules[rule] = true
		sc := New(ds)
		type scanned struct {
			file, rel string
			src       []byte
			wants     []*expectation
			fs        []finding.Finding
			ps        []finding.Problem
		}
		var all []*scanned
		byRel := map[string]*scanned{}
		for _, file := range files {
			if !IsYAMLName(file) && !IsSpringPropertiesName(file) {
				continue
			}
			n++
			x := &scanned{file: file, rel: rule + "/" + filepath.Base(file)}
			x.src, x.wants = loadFixture(t, file)
			x.fs, x.ps = sc.Scan(x.rel, x.src)
			all = append(all, x)
			byRel[x.rel] = x
		}
		more, _ := sc.Finish()
		for _, f := range more {
			if x := byRel[f.File]; x != nil {
				x.fs = append(x.fs, f)
			} else {
				t.Errorf("Finish reported a finding in unknown file %s", f.File)
			}
		}
		for _, x := range all {
			t.Run(x.rel, func(t *testing.T) {
				checkFindings(t, sc, rule, x.rel, x.src, x.wants, x.fs, x.ps)
			})
		}
	}
	if n == 0 {
		t.Fatal("no fixtures found")
	}
}

// checkFixture scans one fixture file on its own and checks it.
func checkFixture(t tb, sc *Scanner, rule, file string) {
	src, wants := loadFixture(t, file)
	rel := rule + "/" + filepath.Base(file)
	fs, ps := sc.Scan(rel, src)
	more, _ := sc.Finish()
	checkFindings(t, sc, rule, rel, src, wants, append(fs, more...), ps)
}

// checkFindings checks the findings and problems of one fixture against
// its expectations.
func checkFindings(t tb, sc *Scanner, rule, rel string, src []byte, wants []*expectation, fs []finding.Finding, ps []finding.Problem) {
	for _, p := range ps {
		t.Errorf("unexpected problem: %s", p)
	}
	lines := strings.Split(string(src), "\n")
	for _, f := range fs {
		checkFinding(t, sc, lines, f)
		found := false
		for _, w := range wants {
			r := w.rule
			if r == "" {
				r = rule
			}
			if !w.matched && w.line == f.Line && r == f.Rule && w.rx.MatchString(f.Message) {
				w.matched, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s:%d:%d: unexpected finding: %s [%s]", rel, f.Line, f.Column, f.Message, f.Rule)
		}
	}
	for _, w := range wants {
		if !w.matched {
			r := w.rule
			if r == "" {
				r = rule
			}
			t.Errorf("%s:%d: no %s finding matching %q", rel, w.line, r, w.rx)
		}
	}
}

// checkFinding checks what holds for every finding: the fields are set,
// the range lies in the line, the message does not hold the flagged text,
// and a token range is exactly a token. It never prints the flagged text.
func checkFinding(t tb, sc *Scanner, lines []string, f finding.Finding) {
	t.Helper()
	where := fmt.Sprintf("%s:%d:%d [%s]", f.File, f.Line, f.Column, f.Rule)
	if f.Severity == "" || f.Message == "" || f.Fingerprint != "" {
		t.Errorf("%s: severity %q, message %q, fingerprint set %v", where, f.Severity, f.Message, f.Fingerprint != "")
	}
	if f.Line < 1 || f.Line > len(lines) {
		t.Errorf("%s: line out of range", where)
		return
	}
	line := strings.TrimSuffix(lines[f.Line-1], "\r")
	if f.Column < 1 || f.Column > len(line)+1 {
		t.Errorf("%s: column out of range (line has %d bytes)", where, len(line))
		return
	}
	if f.EndColumn == 0 {
		if f.EndLine != 0 {
			t.Errorf("%s: end line %d without end column", where, f.EndLine)
		}
		return
	}
	if f.EndLine != f.Line || f.EndColumn <= f.Column || f.EndColumn > len(line)+1 {
		t.Errorf("%s: bad end %d:%d (line has %d bytes)", where, f.EndLine, f.EndColumn, len(line))
		return
	}
	text := line[f.Column-1 : f.EndColumn-1]
	if len(text) >= 6 && strings.Contains(f.Message, text) {
		t.Errorf("%s: the message holds the flagged text", where)
	}
	if strings.ContainsAny(text, "\"'#") && f.Rule != ruleDirective {
		t.Errorf("%s: the range holds a quote or '#'", where)
	}
	if f.Rule == ruleToken {
		ts := sc.m.Tokens(text)
		if b, err := base64.StdEncoding.DecodeString(text); len(ts) == 0 && err == nil {
			ts = sc.m.Tokens(string(b)) // a Secret data value
			if len(ts) > 0 {
				return
			}
		}
		if len(ts) != 1 || ts[0].Start != 0 || ts[0].End != len(text) {
			t.Errorf("%s: the range is not exactly one token", where)
		}
	}
}

// TestHarness checks that the harness itself fails when it should: an
// unexpected finding, an unmatched expectation, a wrong rule.
func TestHarness(t *testing.T) {
	sc := New(testSettings(t))
	dir := t.TempDir()
	cases := map[string]string{
		"unexpected.yaml": "db:\n  password: Tq2vX9rLm4Kp\n",
		"unmatched.yaml":  "db:\n  host: localhost # want \"^hard-coded\"\n",
		"wrong-rule.yaml": "db:\n  password: Tq2vX9rLm4Kp # want hardcoded-token:\"^hard-coded\"\n",
		"wrong-text.yaml": "db:\n  password: Tq2vX9rLm4Kp # want \"^hard-coded API key\"\n",
	}
	for name, src := range cases {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		r := &recorder{}
		if !r.run(func(t tb) { checkFixture(t, sc, ruleCredential, file) }) {
			t.Errorf("%s: the harness passed", name)
		}
	}
	// And passes when the expectation is right.
	file := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(file, []byte("db:\n  password: Tq2vX9rLm4Kp # want \"^hard-coded DB password in YAML value at db.password$\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &recorder{}
	if r.run(func(t tb) { checkFixture(t, sc, ruleCredential, file) }) {
		t.Error("ok.yaml: the harness failed a right expectation")
	}
}

// fixtureFiles returns every fixture file, for the benchmarks and the fuzzer.
func fixtureFiles(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	files, _ := filepath.Glob(filepath.Join(fixtureRoot, "*", "*"))
	for _, f := range files {
		if !IsYAMLName(f) && !IsSpringPropertiesName(f) {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(f)] = b
	}
	if len(out) == 0 {
		t.Fatal("no fixtures")
	}
	return out
}

// tb is the part of testing.TB the harness uses, so that TestHarness can
// watch it fail.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// recorder is a tb that records failure.
type recorder struct{ failed bool }

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; runtime.Goexit() }
func (r *recorder) run(f func(t tb)) bool {
	done := make(chan struct{})
	go func() { defer close(done); f(r) }()
	<-done
	return r.failed
}
