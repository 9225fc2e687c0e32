package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTargetsThatMatchNothing: a mistyped target fails with exit 2 and its
// name instead of passing with nothing scanned.
func TestTargetsThatMatchNothing(t *testing.T) {
	demo := filepath.Join("..", "..", "examples", "demo")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"./nonexistent"}, "./nonexistent"},
		{[]string{"./nonexistent/..."}, "./nonexistent/..."},
		{[]string{"example.com/typo/..."}, "example.com/typo/..."},
		{[]string{"bogus-subcommand"}, "bogus-subcommand"},
		{[]string{"-no-go", "internal/nothing"}, "internal/nothing"},
		{[]string{"./...", "deploy/missing.yaml"}, "deploy/missing.yaml"},
	} {
		code, _, stderr := runIn(t, demo, tc.args...)
		if code != exitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("secretlint %s: exit %d, stderr %q; want exit 2 naming %s", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}

// TestFlagsAnywhere: flags before a subcommand, after the targets, and
// extra arguments.
func TestFlagsAnywhere(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"-lang", "ja", "explain", "hardcoded-credential"}, "認証情報", exitClean},
		{[]string{"explain", "hardcoded-credential", "-lang", "ja"}, "認証情報", exitClean},
		{[]string{"-format", "json", "rules"}, `"hardcoded-token"`, exitClean},
		{[]string{"rules", "-format", "markdown"}, `<a id="credential-in-connection-string"></a>`, exitClean},
		{[]string{"-fail-on", "note", "rules"}, "", exitError},
		{[]string{"version", "extra"}, "", exitError},
		{[]string{"rules", "extra"}, "", exitError},
		{[]string{"help"}, "-secretlint.enable", exitClean},
	} {
		code, out, stderr := runIn(t, ".", tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("secretlint %s: exit %d, output %.200q, stderr %.200q; want exit %d and %q", strings.Join(tc.args, " "), code, out, stderr, tc.code, tc.want)
		}
	}
	code, out, _ := runIn(t, filepath.Join("..", "..", "examples", "demo"), "./...", "-format", "json")
	if code != exitFindings || !strings.HasPrefix(out, "{") {
		t.Errorf("secretlint ./... -format json: exit %d, output %.100q; want 1 and JSON", code, out)
	}
}

func TestParseAnywhereDoubleDash(t *testing.T) {
	var o options
	fs := newFlags(&o, new(strings.Builder))
	rest, err := parseAnywhere(fs, []string{"a", "-output", "--", "b", "--", "-format", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if o.output != "--" || strings.Join(rest, " ") != "a b -format c" || o.format != "text" {
		t.Errorf("output %q, rest %q, format %q", o.output, rest, o.format)
	}
}
