package tfscan

import (
	"bytes"
	"fmt"
	"io/fs"
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

// The fixture harness follows the YAML engine's: fixtures live in
// testdata/tf/<rule-id>/, each *.tf file a module of its own and each
// directory a module with its *.tfvars and local child modules. A line
// that must have a finding ends with
//
//	# want "regexp" ...
//
// or the line above it is `# want +1 "regexp"` (heredoc headers take no
// comment).
// Each regexp must match the message of one finding on that line, whose
// rule is the directory's unless the regexp is prefixed with
// `other-rule:`. An unexpected finding fails, an unmatched expectation
// fails. The `# want` comments are cut before the scan. JSON fixtures
// take a sidecar <file>.want of `line "regexp" ...` lines.

var fixtureRoot = filepath.Join("..", "..", "testdata", "tf")

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
	file    string
	line    int
	rule    string
	rx      *regexp.Regexp
	matched bool
}

var wantComment = regexp.MustCompile(`(^|\s)#\s*want\s+(.*)$`)

func parseWants(t tb, file string, line int, text string) []*expectation {
	t.Helper()
	var out []*expectation
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "+") {
		n, rest, _ := strings.Cut(text[1:], " ")
		d, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("%s:%d: bad want offset %q", file, line, n)
			return nil
		}
		line += d
		text = strings.TrimSpace(rest)
	}
	for text != "" {
		rule := ""
		if i := strings.IndexAny(text, "\"`"); i > 0 && strings.HasSuffix(text[:i], ":") {
			rule, text = text[:i-1], text[i:]
		}
		q, err := strconv.QuotedPrefix(text)
		if err != nil {
			t.Fatalf("%s:%d: bad want: %q", file, line, text)
			return nil
		}
		s, _ := strconv.Unquote(q)
		rx, err := regexp.Compile(s)
		if err != nil {
			t.Fatalf("%s:%d: bad want regexp: %v", file, line, err)
			return nil
		}
		out = append(out, &expectation{file: file, line: line, rule: rule, rx: rx})
		text = strings.TrimSpace(text[len(q):])
	}
	return out
}

// stage copies a fixture (a file or a directory) under dst with its
// `# want` comments cut, and returns the expectations by slash path
// relative to root.
func stage(t tb, src, dst, root string) []*expectation {
	t.Helper()
	var wants []*expectation
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		relTo, _ := filepath.Rel(root, to)
		if strings.HasSuffix(p, ".want") {
			return nil
		}
		if strings.HasSuffix(p, ".json") {
			wants = append(wants, sidecarWants(t, p, filepath.ToSlash(relTo))...)
			return os.WriteFile(to, b, 0o644)
		}
		lines := bytes.Split(b, []byte("\n"))
		for i, l := range lines {
			if m := wantComment.FindSubmatchIndex(l); m != nil {
				wants = append(wants, parseWants(t, filepath.ToSlash(relTo), i+1, string(l[m[4]:m[5]]))...)
				lines[i] = bytes.TrimRight(l[:m[0]+(m[3]-m[2])], " \t")
			}
		}
		return os.WriteFile(to, bytes.Join(lines, []byte("\n")), 0o644)
	})
	if err != nil {
		t.Fatalf("%v", err)
	}
	return wants
}

// scanTree scans every module under dir and returns what Finish reports.
func scanTree(sc *Scanner, dir string) ([]finding.Finding, []finding.Problem) {
	mods, ps := sc.Walk(dir)
	for _, m := range mods {
		sc.ScanModule(m)
	}
	fs, more := sc.Finish()
	return fs, append(ps, more...)
}

func TestFixtures(t *testing.T) {
	dirs, err := os.ReadDir(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		rule := d.Name()
		if !d.IsDir() {
			continue
		}
		s := testSettings(t)
		if !s.Known(rule) {
			t.Errorf("fixture directory %s is not a rule ID", rule)
			continue
		}
		s.Rules[rule] = true
		cases, _ := os.ReadDir(filepath.Join(fixtureRoot, rule))
		for _, c := range cases {
			n++
			t.Run(rule+"/"+c.Name(), func(t *testing.T) {
				runFixture(t, s, rule, filepath.Join(fixtureRoot, rule, c.Name()))
			})
		}
	}
	if n == 0 {
		t.Fatal("no fixtures found")
	}
}

// runFixture stages and scans one fixture and checks its findings.
func runFixture(t tb, s *config.Settings, rule, src string) {
	root, err := os.MkdirTemp("", "tfscan")
	if err != nil {
		t.Fatalf("%v", err)
	}
	defer os.RemoveAll(root)
	dst := filepath.Join(root, "case")
	st, err := os.Stat(src)
	if err != nil {
		t.Fatalf("%v", err)
	}
	var wants []*expectation
	if st.IsDir() {
		wants = stage(t, src, dst, root)
	} else {
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatalf("%v", err)
		}
		wants = stage(t, src, filepath.Join(dst, filepath.Base(src)), root)
	}
	sc := New(s)
	sc.Rel = func(p string) string {
		r, _ := filepath.Rel(root, p)
		return filepath.ToSlash(r)
	}
	fs, ps := scanTree(sc, dst)
	for _, p := range ps {
		t.Errorf("unexpected problem: %s", p)
	}
	for _, f := range fs {
		checkFinding(t, root, f)
		found := false
		for _, w := range wants {
			r := w.rule
			if r == "" {
				r = rule
			}
			if !w.matched && w.file == f.File && w.line == f.Line && r == f.Rule && w.rx.MatchString(f.Message) {
				w.matched, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s:%d:%d: unexpected finding: %s [%s]", f.File, f.Line, f.Column, f.Message, f.Rule)
		}
	}
	for _, w := range wants {
		if !w.matched {
			r := w.rule
			if r == "" {
				r = rule
			}
			t.Errorf("%s:%d: no %s finding matching %q", w.file, w.line, r, w.rx)
		}
	}
}

// checkFinding checks what holds for every finding: the position lies in
// the file, a range stays on its line, the message does not hold the
// flagged text. It never prints the flagged text.
func checkFinding(t tb, root string, f finding.Finding) {
	t.Helper()
	where := fmt.Sprintf("%s:%d:%d [%s]", f.File, f.Line, f.Column, f.Rule)
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.File)))
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	lines := strings.Split(string(src), "\n")
	if f.Severity == "" || f.Message == "" || f.Line < 1 || f.Line > len(lines) {
		t.Errorf("%s: bad finding (severity %q, line out of range or no message)", where, f.Severity)
		return
	}
	line := lines[f.Line-1]
	if f.Column < 1 || f.Column > len(line)+1 {
		t.Errorf("%s: column out of range", where)
		return
	}
	if f.EndColumn == 0 {
		return
	}
	if f.EndLine != f.Line || f.EndColumn <= f.Column || f.EndColumn > len(line)+1 {
		t.Errorf("%s: bad end %d:%d", where, f.EndLine, f.EndColumn)
		return
	}
	text := line[f.Column-1 : f.EndColumn-1]
	if len(text) >= 6 && strings.Contains(f.Message, text) {
		t.Errorf("%s: the message holds the flagged text", where)
	}
	if strings.ContainsAny(text, "\"#") && f.Rule != "invalid-suppression" {
		t.Errorf("%s: the range holds a quote or '#'", where)
	}
}

// TestHarness checks that the harness fails when it should.
func TestHarness(t *testing.T) {
	s := testSettings(t)
	dir := t.TempDir()
	cases := map[string]string{
		"unexpected.tf": "locals {\n  db_password = \"Tq2vX9rLm4Kp\"\n}\n",
		"unmatched.tf":  "locals {\n  host = \"db.internal\" # want \"^hard-coded\"\n}\n",
		"wrong-rule.tf": "locals {\n  db_password = \"Tq2vX9rLm4Kp\" # want hardcoded-token:\"^hard-coded\"\n}\n",
	}
	for name, src := range cases {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		r := &recorder{}
		if !r.run(func(t tb) { runFixture(t, s, "hardcoded-credential", file) }) {
			t.Errorf("%s: the harness passed", name)
		}
	}
	file := filepath.Join(dir, "ok.tf")
	if err := os.WriteFile(file, []byte("locals {\n  db_password = \"Tq2vX9rLm4Kp\" # want \"^hard-coded DB password in local value db_password$\"\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &recorder{}
	if r.run(func(t tb) { runFixture(t, s, "hardcoded-credential", file) }) {
		t.Error("ok.tf: the harness failed a right expectation")
	}
}

type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

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

// sidecarWants reads the expectations of a JSON fixture, which cannot
// hold comments, from <file>.want: lines of `line "regexp" ...`.
func sidecarWants(t tb, path, rel string) []*expectation {
	w, err := os.ReadFile(path + ".want")
	if err != nil {
		return nil
	}
	var out []*expectation
	for i, l := range strings.Split(string(w), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		n, rest, _ := strings.Cut(l, " ")
		line, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("%s.want:%d: line number expected", path, i+1)
			return nil
		}
		out = append(out, parseWants(t, rel, line, rest)...)
	}
	return out
}
