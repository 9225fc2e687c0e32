package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParsePatch feeds unified diffs, mutated, to the patch parser: it
// must never panic, and a file never has more changed lines than the
// patch has lines, whatever its hunk headers claim.
func FuzzParsePatch(f *testing.F) {
	f.Add("diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n")
	f.Add("+++ \"b/q\\\"uote\\t\\303\\251.yaml\"\n@@ -0,0 +1,400000000 @@\n+x\n+y\n")
	f.Add("--- old.yaml\t2026-12-04\n+++ new.yaml\t2026-12-04\n@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n")
	f.Add(benchPatch(3, 3, 3))
	f.Fuzz(func(t *testing.T, patch string) {
		c, err := parsePatch(strings.NewReader(patch), "")
		if err != nil {
			return
		}
		lines := strings.Count(patch, "\n") + 1
		for name, fc := range c {
			n := 0
			for _, r := range fc.ranges {
				if r.to <= r.from {
					t.Fatalf("%q: empty range %v", name, r)
				}
				n += r.to - r.from
			}
			if n > lines {
				t.Fatalf("%q: %d changed lines from a patch of %d lines", name, n, lines)
			}
		}
	})
}

// FuzzHeaderName checks that a name quoted as git quotes it in a "+++ "
// header comes back unchanged.
func FuzzHeaderName(f *testing.F) {
	for _, s := range []string{"a.yaml", "ta\tb.yaml", `q"uote`, `back\slash`, "設定.yaml", "new\nline", "\x7f\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if name == "" || strings.ContainsRune(name, 0) {
			return
		}
		if got := headerName(gitQuote("b/" + name)); got != "b/"+name {
			t.Fatalf("headerName(gitQuote(%q)) = %q", "b/"+name, got)
		}
	})
}

// gitQuote quotes a path as git's quote_c_style does: names holding a
// control character, a double quote, a backslash or a byte above 0x7f
// are written in double quotes with C escapes and octal bytes.
func gitQuote(name string) string {
	need := false
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			need = true
		}
	}
	if !need {
		return name
	}
	var b bytes.Buffer
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		switch c := name[i]; c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			if c < 0x20 || c >= 0x7f {
				b.WriteByte('\\')
				b.WriteByte('0' + c>>6)
				b.WriteByte('0' + c>>3&7)
				b.WriteByte('0' + c&7)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
