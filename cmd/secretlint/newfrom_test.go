package main

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
)

// lines lists the changed lines of file up to max, or nil when the file is
// not in c.
func (c changedLines) lines(file string, upTo int) []int {
	if _, ok := c[file]; !ok {
		return nil
	}
	out := []int{}
	for l := 1; l <= upTo; l++ {
		if c.keep(finding.Finding{File: file, Line: l}) {
			out = append(out, l)
		}
	}
	return out
}

func TestParsePatch(t *testing.T) {
	patch := `diff --git a/svc/app.yaml b/svc/app.yaml
index 1111111..2222222 100644
--- a/svc/app.yaml
+++ b/svc/app.yaml
@@ -2,0 +3,2 @@
+api:
+  token: k3J9xQ2mW8vT5rL1
@@ -10 +12 @@
-old: 1
+++ three pluses on an added line
diff --git a/gone.go b/gone.go
deleted file mode 100644
--- a/gone.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package gone
-+++ b/not-a-file.go
diff --git a/svc/ctx.go b/svc/ctx.go
--- a/svc/ctx.go
+++ b/svc/ctx.go
@@ -4,4 +4,5 @@ func f() {
 	a := 1
-	b := 2
+	b := 3
+	c := 4

 	return
\ No newline at end of file
diff --git a/mode.sh b/mode.sh
old mode 100644
new mode 100755
--- a/empty.txt
+++ b/empty.txt
@@ -1 +0,0 @@
-gone
`
	c, err := parsePatch(strings.NewReader(patch), "")
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]int{
		"svc/app.yaml": {3, 4, 12},
		// context lines count too, the empty one included
		"svc/ctx.go":                    {4, 5, 6, 7, 8},
		"empty.txt":                     {},
		"gone.go":                       nil,
		"not-a-file.go":                 nil,
		"three pluses on an added line": nil,
	} {
		if got := c.lines(file, 20); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: lines %v, want %v", file, got, want)
		}
	}
	if !c.keep(finding.Finding{File: "svc/app.yaml", Line: 1, EndLine: 3}) {
		t.Error("a finding spanning a changed line is not kept")
	}
}

func TestParsePatchPrefix(t *testing.T) {
	patch := "--- a/svc/a.go\n+++ b/svc/a.go\n@@ -1 +1 @@\n-x\n+y\n--- a/other/b.go\n+++ b/other/b.go\n@@ -1 +1 @@\n-x\n+y\n"
	c, err := parsePatch(strings.NewReader(patch), "svc/")
	if err != nil {
		t.Fatal(err)
	}
	if len(c) != 1 || !reflect.DeepEqual(c.lines("a.go", 3), []int{1}) {
		t.Errorf("got %v", c)
	}
}

// TestParsePatchQuotedNames checks the names of "+++ " headers that git
// quotes: a tab, a quote, a backslash, octal bytes (core.quotePath=true),
// and a name with a space, which git ends with a tab.
func TestParsePatchQuotedNames(t *testing.T) {
	for header, want := range map[string]string{
		`+++ "b/ta\tb.yaml"`:                    "ta\tb.yaml",
		`+++ "b/q\"uote.yaml"`:                  `q"uote.yaml`,
		`+++ "b/back\\slash.yaml"`:              `back\slash.yaml`,
		`+++ "b/\350\250\255\345\256\232.yaml"`: "設定.yaml",
		`+++ "b/new\nline.yaml"`:                "new\nline.yaml",
		"+++ b/sp ace.yaml\t":                   "sp ace.yaml",
		"+++ b/設定.yaml":                         "設定.yaml",
		"+++ app.yaml\t2026-12-04 10:00:00":     "app.yaml",
		`+++ "b/unterminated.yaml`:              `"b/unterminated.yaml`,
	} {
		c, err := parsePatch(strings.NewReader(header+"\n@@ -0,0 +1 @@\n+x\n"), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := c.lines(want, 2); !reflect.DeepEqual(got, []int{1}) {
			t.Errorf("%s: files %v, want %q", header, slices.Collect(maps.Keys(c)), want)
		}
	}
}

func TestParsePatchMalformedHeader(t *testing.T) {
	for _, h := range []string{"@@ -1 @@", "@@ -1 +x,2 @@", "@@ -1 +1,y @@"} {
		if _, err := parsePatch(strings.NewReader("+++ b/a.go\n"+h+"\n+x\n"), ""); err == nil {
			t.Errorf("%q: no error", h)
		}
	}
}

// TestParsePatchHugeHunkHeader feeds hunk headers that claim far more lines
// than follow them: only the lines present count, nothing is stored per
// claimed line, and the next file's hunks still land in the right file.
func TestParsePatchHugeHunkHeader(t *testing.T) {
	patch := `diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -1 +1,400000000 @@
+line one
+line two
diff --git a/b.go b/b.go
--- a/b.go
+++ b/b.go
@@ -0,0 +5,2000000000 @@
+five
@@ -9,2147483647 +7,2147483647 @@
 seven
-x
+eight
`
	c, err := parsePatch(strings.NewReader(patch), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.lines("a.go", 10); !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("a.go: lines %v, want [1 2]", got)
	}
	if got := c.lines("b.go", 10); !reflect.DeepEqual(got, []int{5, 7, 8}) {
		t.Errorf("b.go: lines %v, want [5 7 8]", got)
	}
	if c.keep(finding.Finding{File: "a.go", Line: 399999999}) {
		t.Error("a line the header claims but the patch lacks counts as changed")
	}
}

// benchPatch is a change to files of Go and YAML, each with hunks of
// context, deleted and added lines (context 0 gives git diff -U0 output).
func benchPatch(files, hunks, context int) string {
	var b strings.Builder
	for f := range files {
		name := fmt.Sprintf("services/orders/internal/pkg%d/file%d.go", f%7, f)
		fmt.Fprintf(&b, "diff --git a/%s b/%s\nindex 3b18e51..a1c2f3d 100644\n--- a/%s\n+++ b/%s\n", name, name, name, name)
		for h := range hunks {
			old, new := 10+h*40, 10+h*42
			fmt.Fprintf(&b, "@@ -%d,%d +%d,%d @@ func handler%d(w http.ResponseWriter, r *http.Request) {\n", old, 2*context+2, new, 2*context+4, h)
			for i := range context {
				fmt.Fprintf(&b, " \tctx, cancel := context.WithTimeout(r.Context(), %d*time.Second)\n", i)
			}
			b.WriteString("-\tid, err := strconv.Atoi(r.PathValue(\"id\"))\n-\tif err != nil {\n")
			b.WriteString("+\tid, err := strconv.ParseInt(r.PathValue(\"id\"), 10, 64)\n+\tif err != nil {\n+\t\ts.log.WarnContext(ctx, \"bad id\", \"id\", r.PathValue(\"id\"))\n+\t\thttp.Error(w, \"bad order id\", http.StatusBadRequest)\n")
			for range context {
				b.WriteString(" \t\treturn\n")
			}
		}
	}
	return b.String()
}

// BenchmarkParsePatch parses a change of 40 files with 15 hunks each, with
// three lines of context (a patch file) and without (git diff -U0).
func BenchmarkParsePatch(b *testing.B) {
	for _, bb := range []struct {
		name    string
		context int
	}{{"U3", 3}, {"U0", 0}} {
		patch := benchPatch(40, 15, bb.context)
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(patch)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parsePatch(strings.NewReader(patch), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
