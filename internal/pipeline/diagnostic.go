package pipeline

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/awsguard/secretlint/internal/finding"
)

// Diagnostics makes findings of the secretlint analyzer's diagnostics. The
// analyzer has resolved, suppressed and filtered them with this package
// already (vet and golangci-lint see only what it reports), so only the
// severity is added here. rel gives the path written into a finding.
func Diagnostics(fset *token.FileSet, ds []analysis.Diagnostic, rel func(filename string) string, pol Policy) []finding.Finding {
	out := make([]finding.Finding, 0, len(ds))
	for _, d := range ds {
		pos := fset.Position(d.Pos)
		path := rel(pos.Filename)
		f := finding.Finding{
			Rule:     d.Category,
			Severity: string(pol.SeverityOf(d.Category, path)),
			File:     path,
			Line:     pos.Line,
			Column:   pos.Column,
			Message:  d.Message,
		}
		if d.End.IsValid() {
			end := fset.Position(d.End)
			f.EndLine, f.EndColumn = end.Line, end.Column
		}
		out = append(out, f)
	}
	return out
}
