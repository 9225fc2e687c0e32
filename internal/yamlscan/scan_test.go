package yamlscan

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/finding"
)

func scan(t *testing.T, src string) ([]finding.Finding, []finding.Problem) {
	t.Helper()
	return New(testSettings(t)).Scan("f.yaml", []byte(src))
}

// TestByteColumns checks exact byte ranges after non-ASCII text, for
// plain, quoted and flow values, tokens and comments.
func TestByteColumns(t *testing.T) {
	src := "名前: \"鍵 AKIAQTKJBJYUB7YZEA7E\"\n" +
		"é: {password: Tq2vX9rLm4Kp}\n" +
		"# ü AKIAAZLPEPYCWG4DF6JD\n"
	fs, ps := scan(t, src)
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	want := []struct{ line, col, endCol int }{
		{1, 14, 34}, // 名前 is 6 bytes, `: "` 3, 鍵 3 and a space: the key starts at byte 14
		{2, 16, 28}, // é is 2 bytes
		{3, 6, 26},
	}
	if len(fs) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(fs), len(want), fs)
	}
	for i, w := range want {
		f := fs[i]
		if f.Line != w.line || f.Column != w.col || f.EndLine != w.line || f.EndColumn != w.endCol {
			t.Errorf("finding %d at %d:%d-%d:%d, want %d:%d-%d:%d", i, f.Line, f.Column, f.EndLine, f.EndColumn, w.line, w.col, w.line, w.endCol)
		}
	}
}

// TestPrecedence checks that one location gets one finding, of the rule
// with the highest precedence.
func TestPrecedence(t *testing.T) {
	fs, _ := scan(t, "api_key: AKIAQTKJBJYUB7YZEA7E\naws_access_key_id: AKIAAZLPEPYCWG4DF6JD\nurl: postgres://u:Tq2vX9rLm4Kp@h/db # AKIAY72IW7SUKCIBRWNA\n")
	type at struct{ line, col int }
	got := map[at]string{}
	for _, f := range fs {
		got[at{f.Line, f.Column}] = f.Rule
	}
	want := map[at]string{
		{1, 10}: ruleToken,     // also an API key: the token wins
		{2, 20}: ruleStaticAWS, // also a token
		{3, 19}: ruleConn,
		{3, 39}: ruleToken, // the comment is another location
	}
	if len(fs) != len(want) {
		t.Errorf("got %d findings, want %d: %v", len(fs), len(want), fs)
	}
	for k, r := range want {
		if got[k] != r {
			t.Errorf("at %d:%d: got %q, want %q", k.line, k.col, got[k], r)
		}
	}
}

// TestDisabledRule checks that a rule switched off leaves the next rule
// to report the location, and that paths allowlisted are skipped.
func TestDisabledRule(t *testing.T) {
	s := testSettings(t)
	s.Rules[ruleToken] = false
	fs, _ := New(s).Scan("f.yaml", []byte("api_key: AKIAQTKJBJYUB7YZEA7E\n"))
	if len(fs) != 1 || fs[0].Rule != ruleCredential {
		t.Errorf("with hardcoded-token off: %v", fs)
	}
	s = testSettings(t)
	s.AllowPaths = []string{"deploy/**"}
	if fs, _ := New(s).Scan("deploy/f.yaml", []byte("api_key: AKIAQTKJBJYUB7YZEA7E\n")); len(fs) != 0 {
		t.Errorf("allowlisted path: %v", fs)
	}
}

func TestJapaneseMessages(t *testing.T) {
	s := testSettings(t)
	s.Lang = "ja"
	fs, _ := New(s).Scan("f.yaml", []byte("db:\n  password: Tq2vX9rLm4Kp\n"))
	if len(fs) != 1 || fs[0].Message != "YAML の値 db.password に DB パスワード がハードコードされている" {
		t.Errorf("ja: %v", fs)
	}
}

func TestMalformed(t *testing.T) {
	src := "ok: AKIAQTKJBJYUB7YZEA7E\n---\na: b: c\nkey: AKIAAZLPEPYCWG4DF6JD\n"
	fs, ps := scan(t, src)
	if len(ps) != 1 || ps[0].Line != 3 || !strings.HasPrefix(ps[0].Message, "invalid YAML: ") || ps[0].File != "f.yaml" {
		t.Fatalf("problems = %v", ps)
	}
	// The first document is scanned, and tokens are still found in the
	// text that could not be parsed.
	if len(fs) != 2 || fs[0].Line != 1 || fs[1].Line != 4 || fs[1].Column != 6 || fs[1].EndColumn != 26 {
		t.Errorf("findings = %v", fs)
	}
}

func TestBinaryAndEncoding(t *testing.T) {
	// NUL bytes and invalid UTF-8 are checked as text, with a problem
	// saying so; UTF-16 with a byte order mark is decoded.
	for name, src := range map[string]string{
		"binary":    "password: x\x00y\n",
		"utf-16":    "\xff\xfep\x00a\x00",
		"non-utf-8": "password: \xc3\x28\n",
	} {
		fs, ps := scan(t, src)
		if want := map[bool]int{true: 0, false: 1}[name == "utf-16"]; len(fs) != 0 || len(ps) != want {
			t.Errorf("%s: findings %v, problems %v", name, fs, ps)
		}
	}
}

func TestBOMAndCRLF(t *testing.T) {
	fs, ps := scan(t, "\ufeffdb:\r\n  password: Tq2vX9rLm4Kp\r\n# AKIAQTKJBJYUB7YZEA7E\r\n")
	if len(ps) != 0 || len(fs) != 2 {
		t.Fatalf("findings %v, problems %v", fs, ps)
	}
	if f := fs[0]; f.Line != 2 || f.Column != 13 || f.EndColumn != 25 {
		t.Errorf("CRLF value at %d:%d-%d", f.Line, f.Column, f.EndColumn)
	}
	if f := fs[1]; f.Line != 3 || f.Column != 3 || f.EndColumn != 23 {
		t.Errorf("CRLF comment at %d:%d-%d", f.Line, f.Column, f.EndColumn)
	}
}

func TestScanFile(t *testing.T) {
	dir := t.TempDir()
	s := testSettings(t)
	s.MaxFileSize = 1024
	sc := New(s)

	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, []byte("db:\n  password: Tq2vX9rLm4Kp\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fs, ps := sc.ScanFile(ok, "ok.yaml"); len(fs) != 1 || len(ps) != 0 || fs[0].File != "ok.yaml" {
		t.Errorf("ok.yaml: %v %v", fs, ps)
	}

	// A sparse file of 1 GiB: reading it all would take long and blow the
	// memory; it must be refused at once.
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	start := time.Now()
	fs, ps := sc.ScanFile(big, "big.yaml")
	if len(fs) != 0 || len(ps) != 1 || !strings.Contains(ps[0].Message, "larger than the limit") {
		t.Errorf("big.yaml: %v %v", fs, ps)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("big.yaml took %v", d)
	}

	// The read limit holds even when the size is not known beforehand.
	if src, p := sc.read(big, "big.yaml"); p == nil || src != nil {
		t.Errorf("read of big.yaml returned %d bytes", len(src))
	}

	for _, p := range []string{filepath.Join(dir, "missing.yaml"), dir} {
		fs, ps := sc.ScanFile(p, "x.yaml")
		if len(fs) != 0 || len(ps) != 1 || !strings.HasPrefix(ps[0].Message, "cannot read file: ") || strings.Contains(ps[0].Message, dir) {
			t.Errorf("%s: %v %v", p, fs, ps)
		}
	}
}

// TestOversizedStream checks that a stream whose size is not known in
// advance (a device) is not read: it could be endless, or block.
func TestOversizedStream(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	s := testSettings(t)
	s.MaxFileSize = 4096
	start := time.Now()
	fs, ps := New(s).ScanFile("/dev/zero", "zero.yaml")
	if len(fs) != 0 || len(ps) != 1 || !strings.Contains(ps[0].Message, "not a regular file") {
		t.Errorf("/dev/zero: %v %v", fs, ps)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("/dev/zero took %v", d)
	}
}

// billionLaughs returns an alias bomb of the given depth and width whose
// leaf is value.
func billionLaughs(depth, width int, value string) string {
	var b strings.Builder
	b.WriteString("a0: &a0 " + value + "\n")
	for i := 1; i <= depth; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < width; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("password: *a0\nall: *a" + itoa(depth) + "\n")
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestAliasBomb(t *testing.T) {
	// 9 levels of 9 aliases: 387,420,489 leaves if expanded.
	src := billionLaughs(9, 9, "AKIAQTKJBJYUB7YZEA7E")
	start := time.Now()
	fs, ps := scan(t, src)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("alias bomb took %v", d)
	}
	if len(ps) != 0 {
		t.Errorf("problems: %v", ps)
	}
	// The anchored token is reported once, where it is written.
	if len(fs) != 1 || fs[0].Line != 1 || fs[0].Rule != ruleToken {
		t.Errorf("findings: %v", fs)
	}
}

func TestDeepNesting(t *testing.T) {
	// yaml.v3 stops at depth 10,000: a problem, not a crash.
	fs, ps := scan(t, strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+"\n")
	if len(fs) != 0 || len(ps) != 1 || !strings.Contains(ps[0].Message, "depth") {
		t.Errorf("too deep: %v %v", fs, ps)
	}
	// Just under the limit is scanned.
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteString("{k: ")
	}
	b.WriteString("{password: Tq2vX9rLm4Kp}")
	b.WriteString(strings.Repeat("}", 5000) + "\n")
	fs, ps = scan(t, b.String())
	if len(ps) != 0 || len(fs) != 1 {
		t.Errorf("deep: %d findings, problems %v", len(fs), ps)
	}
}

// TestRecover checks that a panic while scanning becomes a problem.
func TestRecover(t *testing.T) {
	s := testSettings(t)
	sc := New(s)
	sc.m = nil // every matcher call now panics
	fs, ps := sc.Scan("f.yaml", []byte("a: b\n"))
	if len(fs) != 0 || len(ps) != 1 || !strings.HasPrefix(ps[0].Message, "internal error") {
		t.Errorf("%v %v", fs, ps)
	}
}

func TestEmpty(t *testing.T) {
	for _, src := range []string{"", "\n", "---\n", "# only a comment\n", "---\n...\n"} {
		if fs, ps := scan(t, src); len(fs) != 0 || len(ps) != 0 {
			t.Errorf("%q: %v %v", src, fs, ps)
		}
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		rel, src string
		want     DocKind
	}{
		{"stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", KindCloudFormation},
		{"stack.template", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", KindCloudFormation},
		{"sam.yaml", "Transform: AWS::Serverless-2016-10-31\n", KindCloudFormation},
		{"deploy.yaml", "apiVersion: v1\nkind: Secret\n", KindKubernetes},
		{"docker-compose.yml", "services:\n  web:\n    image: nginx\n", KindCompose},
		{"stack.yml", "version: '3'\nservices:\n  web: {}\n", KindCompose},
		{"serverless.yml", "service: orders\nprovider:\n  name: aws\n", KindServerless},
		{"x/serverless.yaml", "functions: {}\n", KindServerless},
		{".github/workflows/ci.yml", "on: push\njobs: {}\n", KindGitHubActions},
		{"ci.yml", "on: [push]\njobs:\n  b: {}\n", KindGitHubActions},
		{"action.yml", "name: a\nruns:\n  using: composite\n  steps: []\n", KindGitHubActions},
		{"action.yml", "name: a\nruns:\n  using: node20\n  main: index.js\n", KindGeneric},
		{"src/main/resources/application.yml", "server:\n  port: 8080\n", KindSpring},
		{"config.yml", "spring:\n  datasource: {}\n", KindSpring},
		{"task.json", `{"family": "web", "containerDefinitions": []}`, KindECSTask},
		{"values.yaml", "replicaCount: 1\n", KindGeneric},
		{"list.yaml", "- a\n- b\n", KindGeneric},
		{"empty.yaml", "", KindGeneric},
	}
	for _, c := range cases {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(c.src), &doc); err != nil {
			t.Fatalf("%s: %v", c.rel, err)
		}
		if got := Classify(&doc, c.rel); got != c.want {
			t.Errorf("Classify(%s) = %s, want %s", c.rel, got, c.want)
		}
	}
}

func TestIsYAMLName(t *testing.T) {
	for name, want := range map[string]bool{
		"a.yaml": true, "b.YML": true, "c.json": true, "stack.template": true,
		"main.go": false, "yaml": false, "a.yaml.bak": false, "Dockerfile": false,
	} {
		if got := IsYAMLName(name); got != want {
			t.Errorf("IsYAMLName(%q) = %v", name, got)
		}
	}
}

func TestWalk(t *testing.T) {
	base := t.TempDir()
	files := map[string]string{
		"a.yaml":                           "a: 1\n",
		"deploy/b.yml":                     "b: 1\n",
		"deploy/stack.json":                `{"AWSTemplateFormatVersion": "2010-09-09"}`,
		"deploy/stack.template":            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n",
		"deploy/notes.template":            "Hello {{name}}\n",
		"k8s/task.json":                    `{"containerDefinitions": []}`,
		"package.json":                     `{"name": "x"}`,
		"models/examples-1.json":           `{"examples": {"List": [{"output": {"Type": "AWS::EC2::Instance", "NextToken": "x"}}]}}`,
		"k8s/deploy.json":                  `{"apiVersion": "apps/v1", "kind": "Deployment"}`,
		"main.go":                          "package main\n",
		".git/config.yaml":                 "x: 1\n",
		"vendor/m/c.yaml":                  "x: 1\n",
		"web/node_modules/p/d.yaml":        "x: 1\n",
		"generated/e.yaml":                 "x: 1\n",
		".github/workflows/ci.yml":         "on: push\n",
		"deploy/nested/skip-me/f.yaml":     "x: 1\n",
		"deploy/nested/keep/g.yaml":        "x: 1\n",
		"deploy/nested/keep/g.yaml.sample": "x: 1\n",
	}
	for p, c := range files {
		full := filepath.Join(base, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := testSettings(t)
	s.Exclude = []string{"generated", "skip-me"}
	sc := New(s)
	got, ps := sc.Walk(base, base)
	if len(ps) != 0 {
		t.Errorf("problems: %v", ps)
	}
	want := []string{".github/workflows/ci.yml", "a.yaml", "deploy/b.yml", "deploy/nested/keep/g.yaml", "deploy/stack.json", "deploy/stack.template", "k8s/deploy.json", "k8s/task.json"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Walk(base, base) =\n%v\nwant\n%v", got, want)
	}
	// A subdirectory: paths stay relative to base.
	got, _ = sc.Walk(base, filepath.Join(base, "deploy"))
	if len(got) != 4 || got[0] != "deploy/b.yml" {
		t.Errorf("Walk(base, deploy) = %v", got)
	}
	// A directory that cannot be read is a problem.
	got, ps = sc.Walk(base, filepath.Join(base, "missing"))
	if len(got) != 0 || len(ps) != 1 || ps[0].File != "missing" {
		t.Errorf("Walk(missing) = %v, %v", got, ps)
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(base, "locked")
		if err := os.Mkdir(locked, 0o000); err != nil {
			t.Fatal(err)
		}
		defer func() { _ = os.Chmod(locked, 0o755) }()
		_, ps = sc.Walk(base, base)
		if len(ps) != 1 || ps[0].File != "locked" {
			t.Errorf("locked directory: %v", ps)
		}
	}
}
