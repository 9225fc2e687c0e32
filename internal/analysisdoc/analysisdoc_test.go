package analysisdoc

import "testing"

func TestExtract(t *testing.T) {
	src := "// Package p does things.\n//\n// # Analyzer a\n//\n// a: report things\n//\n// More about a.\n//\n// # Other\n//\n// Not a.\npackage p\n"
	if got, want := Extract(src, "a", "fallback"), "a: report things\n\nMore about a."; got != want {
		t.Errorf("Extract = %q, want %q", got, want)
	}
	if got := Extract(src, "b", "fallback"); got != "fallback" {
		t.Errorf("missing section: %q", got)
	}
	if got := Extract("not go", "a", "fallback"); got != "fallback" {
		t.Errorf("bad source: %q", got)
	}
}
