// Package analysisdoc extracts an analyzer's Doc from its package's doc.go,
// in the shape of golang.org/x/tools/go/analysis/passes: the "# Analyzer
// <name>" section of the package comment, whose first line is the summary.
package analysisdoc

import (
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the "# Analyzer name" section of the package comment of
// the doc.go source src, or summary when src has no such section.
func Extract(src, name, summary string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return summary
	}
	text := f.Doc.Text()
	head := "# Analyzer " + name + "\n"
	i := strings.Index(text, head)
	if i < 0 {
		return summary
	}
	text = text[i+len(head):]
	if j := strings.Index(text, "\n# "); j >= 0 {
		text = text[:j]
	}
	return strings.TrimSpace(text)
}
