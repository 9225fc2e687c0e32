package report

import (
	"bufio"
	"encoding/json"

	"github.com/awsguard/secretlint/internal/finding"
)

// JSONVersion is the version of the json format (docs/output.md). It
// changes only when a field is removed or changes meaning.
const JSONVersion = 1

// The json format's document. It has its own types, not finding's, so that
// the published schema cannot change by accident.
type (
	jsonReport struct {
		Version  int           `json:"version"`
		Tool     jsonTool      `json:"tool"`
		Findings []jsonFinding `json:"findings"`
		Problems []jsonProblem `json:"problems"`
	}
	jsonTool struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	jsonFinding struct {
		Rule        string `json:"rule"`
		Severity    string `json:"severity"`
		File        string `json:"file"`
		Line        int    `json:"line"`
		Column      int    `json:"column"`
		EndLine     int    `json:"end_line"`
		EndColumn   int    `json:"end_column"`
		Message     string `json:"message"`
		Fingerprint string `json:"fingerprint"`
	}
	jsonProblem struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
)

func writeJSON(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	doc := jsonReport{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: toolName, Version: opts.Version},
		Findings: make([]jsonFinding, 0, len(fs)),
		Problems: make([]jsonProblem, 0, len(opts.Problems)),
	}
	for _, f := range fs {
		doc.Findings = append(doc.Findings, jsonFinding{
			Rule:        f.Rule,
			Severity:    string(severity(f)),
			File:        f.File,
			Line:        f.Line,
			Column:      f.Column,
			EndLine:     f.EndLine,
			EndColumn:   f.EndColumn,
			Message:     f.Message,
			Fingerprint: f.Fingerprint,
		})
	}
	for _, p := range opts.Problems {
		doc.Problems = append(doc.Problems, jsonProblem{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message})
	}
	return encodeJSON(w, doc)
}

// encodeJSON writes v indented by two spaces with a final newline. HTML
// characters are not escaped: the output is read by tools, not browsers.
func encodeJSON(w *bufio.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
