package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files and docs/rules*.md")

var testdata = filepath.Join("..", "..", "testdata", "report")

// input is testdata/report/in-findings.json.
type input struct {
	Version  string                       `json:"version"`
	Category string                       `json:"category"`
	Sources  map[string]map[string]string `json:"sources"`
	Findings []finding.Finding            `json:"findings"`
	Problems []finding.Problem            `json:"problems"`
}

func (in *input) source(file string, line int) string {
	return in.Sources[file][strconv.Itoa(line)]
}

// catalogue returns the real, embedded rule catalogue.
func catalogue(t *testing.T) *secretlint.Catalogue {
	t.Helper()
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// fixedCatalogue returns testdata/report/rules.yaml, the small catalogue
// the goldens are rendered with, so that they do not follow every edit of
// the real one.
func fixedCatalogue(t *testing.T) *secretlint.Catalogue {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testdata, "rules.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := secretlint.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// catalogues returns the real and the fixed catalogue by name.
func catalogues(t *testing.T) map[string]*secretlint.Catalogue {
	return map[string]*secretlint.Catalogue{"real": catalogue(t), "fixed": fixedCatalogue(t)}
}

// load reads the test input and prepares the findings as the CLI does:
// sorted, then fingerprinted from the source lines. The options use the
// fixed catalogue.
func load(t *testing.T) (*input, []finding.Finding, Options) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdata, "in-findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in input
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatal(err)
	}
	fs := finding.Sort(in.Findings)
	finding.Fingerprints(fs, in.source)
	return &in, fs, Options{
		Lang:      "en",
		Catalogue: fixedCatalogue(t),
		Version:   in.Version,
		Category:  in.Category,
		Problems:  in.Problems,
		Source:    in.source,
	}
}

func render(t *testing.T, fs []finding.Finding, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, fs, opts); err != nil {
		t.Fatalf("Write(%s): %v", opts.Format, err)
	}
	return b.Bytes()
}

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) []byte {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	return want
}

func TestGolden(t *testing.T) {
	exts := map[string]string{"text": "txt", "json": "json", "sarif": "sarif", "github": "github", "rdjsonl": "rdjsonl", "gitlab": "gitlab.json", "checkstyle": "checkstyle.xml"}
	_, fs, opts := load(t)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			opts.Format = format
			got := render(t, fs, opts)
			if again := render(t, fs, opts); !bytes.Equal(got, again) {
				t.Fatal("two runs on the same input differ")
			}
			path := filepath.Join(testdata, "golden."+exts[format])
			want := golden(t, path, got)
			if format == "json" || format == "sarif" || format == "gitlab" {
				var g, w any
				if err := json.Unmarshal(got, &g); err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
				if err := json.Unmarshal(want, &w); err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				if !reflect.DeepEqual(g, w) {
					t.Errorf("decoded output differs from %s:\n%s", path, lineDiff(string(want), string(got)))
				}
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s byte for byte:\n%s", path, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff lists the lines of want and got that differ, by line number.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + strconv.Quote(w) + "\n  got  " + strconv.Quote(g) + "\n")
		}
	}
	return b.String()
}

func TestTextColor(t *testing.T) {
	_, fs, opts := load(t)
	opts.Format = "text"
	plain := string(render(t, fs, opts))
	opts.Color = true
	colored := string(render(t, fs, opts))
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	if got := ansi.ReplaceAllString(colored, ""); got != plain {
		t.Errorf("colour output without its escapes differs from plain output:\n%s", lineDiff(plain, got))
	}
	for _, want := range []string{
		ansiBold + "cmd/api/main.go:12:14:" + ansiReset + " static AWS",
		ansiRed + "[static-aws-credentials]" + ansiReset + "\n",
		ansiYellow + "[invalid-suppression]" + ansiReset + "\n", // severity from the catalogue
		ansiCyan + "[credential-in-connection-string]" + ansiReset + "\n",
	} {
		if !strings.Contains(colored, want) {
			t.Errorf("colour output lacks %q:\n%s", want, colored)
		}
	}
	if strings.Contains(plain, "\x1b") {
		t.Errorf("plain output has escapes: %q", plain)
	}
}

func TestTextControlCharacters(t *testing.T) {
	fs := []finding.Finding{{Rule: "r", Severity: "error", File: "a\nb.go", Line: 1, Column: 2, Message: "m\x1b[2Jx"}}
	got := string(render(t, fs, Options{Format: "text"}))
	want := `a\u000ab.go:1:2: m\u001b[2Jx [r]` + "\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEmpty(t *testing.T) {
	cat := catalogue(t)
	for _, tc := range []struct {
		format string
		want   []string
	}{
		{"json", []string{`"findings": []`, `"problems": []`}},
		{"sarif", []string{`"results": []`}},
	} {
		out := string(render(t, nil, Options{Format: tc.format, Catalogue: cat, Version: "(devel)"}))
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s output without findings lacks %s:\n%s", tc.format, w, out)
			}
		}
	}
	for _, format := range []string{"text", "github"} {
		if out := render(t, nil, Options{Format: format, Catalogue: cat}); len(out) != 0 {
			t.Errorf("%s output without findings: %q", format, out)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, nil, Options{Format: "xml"}); err == nil || !strings.Contains(err.Error(), "text, json, sarif, github") {
		t.Errorf("unknown format: err = %v, want one listing the formats", err)
	}
	if err := Write(&b, nil, Options{Format: "sarif"}); err == nil {
		t.Error("sarif without a catalogue: no error")
	}
	if err := Write(&b, nil, Options{Format: "sarif", Catalogue: catalogue(t), Lang: "fr"}); err == nil {
		t.Error("sarif in an unknown language: no error")
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain text", "plain text", "plain text"},
		{"100% a:b,c", "100%25 a:b,c", "100%25 a%3Ab%2Cc"},
		{"one\r\ntwo", "one%0D%0Atwo", "one%0D%0Atwo"},
		{"%0A", "%250A", "%250A"},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestGitHubLevels(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "a", Severity: "error", File: "x.go", Line: 1, Column: 1, EndLine: 1, EndColumn: 5, Message: "m"},
		{Rule: "b", Severity: "warning", File: "x.go", Line: 2, Message: "m"},
		{Rule: "c", Severity: "note", File: "x.go", Line: 3, Column: 4, EndLine: 4, Message: "m"},
	}
	got := string(render(t, fs, Options{Format: "github"}))
	want := "::error file=x.go,line=1,col=1,endLine=1,endColumn=5,title=a::m\n" +
		"::warning file=x.go,line=2,title=b::m\n" +
		"::notice file=x.go,line=3,col=4,endLine=4,title=c::m\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
