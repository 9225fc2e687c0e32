package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// The adversarial corpus (testdata/hostile/README.md): every case of
// hostile input that can be a file, generated here rather than checked
// in. scripts/hostile writes it to a directory to try by hand.

// hostileCase is one case: the files it writes, the flags it runs with,
// the problem it must give ("" for none) and the findings that must
// survive, as "file:line rule".
type hostileCase struct {
	name    string
	files   func(dir string) error
	args    []string
	problem string // "file:line" and a part of the message
	want    []string
}

const hostilePassword = "password: Vq7rT2xLm9\n"

// app is the well-formed file of every case, whose finding must survive.
const hostileApp = "db:\n  " + hostilePassword

func put(dir, name string, data []byte) error {
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func files(kv ...string) func(string) error {
	return func(dir string) error {
		for i := 0; i+1 < len(kv); i += 2 {
			if err := put(dir, kv[i], []byte(kv[i+1])); err != nil {
				return err
			}
		}
		return nil
	}
}

func selfFindInMap() string {
	return "Mappings:\n  M:\n    a: &x {a: &f !FindInMap [M, !Ref P, !Ref P], b: *f, c: *f}\n    b: *x\n    c: *x\n" +
		"Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !FindInMap [M, !Ref P, !Ref P]\n"
}

func selectChain() string {
	var b strings.Builder
	b.WriteString("X:\n  l0: &l0 [a, b, c, d, e, f, g, h]\n")
	for i := 1; i < 7; i++ {
		p := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "  l%d: &l%d [%s%s]\n", i, i, strings.Repeat(p+", ", 7), p)
	}
	b.WriteString("Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Select [!Ref I, *l6]\n")
	return b.String()
}

func ifChain() string {
	var b strings.Builder
	b.WriteString("X:\n  a0: &a0 Tq2vX9rLm4Kp\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d !If [C, *a%d, !Ref AWS::NoValue]\n", i, i, i-1)
	}
	b.WriteString("Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: *a20\n")
	return b.String()
}

func utf16BOM(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func flowMappingLine(pairs int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range pairs {
		fmt.Fprintf(&b, "k%d: v%d, ", i, i)
	}
	b.WriteString("}\n")
	return b.String()
}

func deepGo(depth int) string {
	return "package deep\n\nfunc f() {\n" + strings.Repeat("{\n", depth) + strings.Repeat("}\n", depth) +
		"}\n\nconst dbPassword = \"Wz8sU3yMn0qL\"\n"
}

func hostileCases() []hostileCase {
	app := "app.yaml:2 hardcoded-credential"
	return []hostileCase{
		{name: "self-referential FindInMap", files: files("app.yaml", hostileApp, "t.yaml", selfFindInMap()),
			problem: "t.yaml:10 budget", want: []string{app}},
		{name: "deep Select alias chain", files: files("app.yaml", hostileApp, "t.yaml", selectChain()),
			problem: "t.yaml:13 budget", want: []string{app}},
		{name: "nested If aliases", files: files("app.yaml", hostileApp, "t.yaml", ifChain()),
			want: []string{app, "t.yaml:2 hardcoded-credential"}},
		{name: "unknown tags", files: files("app.yaml", hostileApp, "t.yaml", "app:\n  password: !Vault Xq4tGbudOV7r\n"),
			want: []string{app, "t.yaml:2 hardcoded-credential"}},
		{name: "NUL bytes", files: files("app.yaml", hostileApp, "nul.yaml", "a: \x00\n"+hostilePassword),
			problem: "nul.yaml NUL bytes", want: []string{app, "nul.yaml:2 hardcoded-credential"}},
		{name: "invalid UTF-8", files: files("app.yaml", hostileApp, "bad.yaml", "a: \xff\xfe\n"+hostilePassword),
			problem: "bad.yaml not valid UTF-8", want: []string{app, "bad.yaml:2 hardcoded-credential"}},
		{name: "UTF-16 with BOM", files: func(dir string) error {
			return put(dir, "u16.yaml", utf16BOM(hostileApp))
		}, want: []string{"u16.yaml:2 hardcoded-credential"}},
		{name: "CR-only line ends", files: files("cr.yaml", "a: 1\rb: 2\rdb:\r  "+strings.TrimSuffix(hostilePassword, "\n")+"\r"),
			want: []string{"cr.yaml:4 hardcoded-credential"}},
		{name: "broken multi-document stream", files: files("s.yaml", "a: 1\n---\nb: [\n---\ndb:\n  "+hostilePassword),
			problem: "s.yaml invalid YAML", want: []string{"s.yaml:6 hardcoded-credential"}},
		{name: "huge one-line flow mapping", files: files("app.yaml", hostileApp, "huge.yaml", flowMappingLine(200_000)),
			problem: "huge.yaml:1 checked as text only", want: []string{app}},
		{name: "huge hunk header", files: files("app.yaml", hostileApp+"other: 1\n",
			"p.diff", "--- a/app.yaml\n+++ b/app.yaml\n@@ -0,0 +1,400000000 @@\n+db:\n+  "+hostilePassword),
			args: []string{"-new-from-patch", "p.diff"}, want: []string{app}},
		{name: "control characters and backticks in names", files: files("app.yaml", hostileApp, "a`b\x1b[31m.yaml", hostileApp),
			want: []string{app, "a`b\x1b[31m.yaml:2 hardcoded-credential"}},
		{name: "FIFO", files: func(dir string) error {
			if err := put(dir, "app.yaml", []byte(hostileApp)); err != nil {
				return err
			}
			return mkfifo(filepath.Join(dir, "pipe.yaml"))
		}, args: []string{"pipe.yaml", "app.yaml"}, problem: "pipe.yaml not a regular file", want: []string{app}},
		{name: "deep Go nesting", files: files("go.mod", "module example.com/deep\n\ngo 1.22\n", "deep.go", deepGo(10_001), "app.yaml", hostileApp),
			args: []string{"-tests", "include", "./..."}, want: []string{app, "deep.go:20008 hardcoded-credential"}},
	}
}

// TestHostileCorpus runs the command on each case of the corpus: each
// ends in bounded time with its problem and its surviving findings, and
// no secret of the corpus is printed.
func TestHostileCorpus(t *testing.T) {
	out := os.Getenv("SECRETLINT_HOSTILE_OUT") // scripts/hostile: keep the corpus there
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if out != "" {
				dir = filepath.Join(out, strings.NewReplacer(" ", "-").Replace(tc.name))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := tc.files(dir); err != nil {
				t.Skipf("cannot write the case: %v", err)
			}
			args := []string{"-format", "json"}
			if !slices.Contains(tc.args, "./...") {
				args = append(args, "-no-go")
			}
			args = append(args, tc.args...)
			if !slices.ContainsFunc(tc.args, func(a string) bool { return strings.HasSuffix(a, ".yaml") || a == "./..." }) {
				args = append(args, ".")
			}
			start := time.Now()
			code, stdout, stderr := runIn(t, dir, args...)
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
			if code == exitError {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			r := decode(t, stdout)
			var got []string
			for _, f := range r.Findings {
				got = append(got, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Rule))
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing finding %q; got %q", w, got)
				}
			}
			if tc.problem != "" {
				loc, part, _ := strings.Cut(tc.problem, " ")
				if !strings.Contains(stderr, loc) || !strings.Contains(stderr, part) {
					t.Errorf("no problem %q in:\n%s", tc.problem, stderr)
				}
			}
			for _, secret := range []string{"Vq7rT2xLm9", "Xq4tGbudOV7r", "Tq2vX9rLm4Kp", "Wz8sU3yMn0qL"} {
				if strings.Contains(stdout+stderr, secret) {
					t.Errorf("output holds a secret of the corpus")
				}
			}
		})
	}
}
