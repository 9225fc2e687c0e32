package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// Formats lists the finding formats.
var Formats = []string{"text", "json", "sarif", "github", "rdjsonl", "gitlab", "checkstyle"}

// Options configures [Write].
type Options struct {
	Format    string // one of Formats
	Lang      string // "en" | "ja": rule texts in SARIF
	Catalogue *secretlint.Catalogue
	Version   string // tool version, e.g. "0.1.0" or "(devel)"
	Color     bool   // text only: ANSI colour (the CLI sets it only on a TTY)
	Category  string // SARIF runAutomationDetails.id, e.g. "secretlint/go" (empty: "secretlint/")
	Problems  []finding.Problem
	// Source returns the text of a line of a file (slash path as in
	// Finding.File), "" if unknown; SARIF uses it to convert byte columns
	// to UTF-16 code units.
	Source func(file string, line int) string
	// Summary, when set, receives a Markdown table of all findings in the
	// github format (the CLI passes $GITHUB_STEP_SUMMARY), since GitHub
	// shows only the first annotations of each level.
	Summary io.Writer
}

// toolName is the name every format gives the tool.
const toolName = "secretlint"

// Write writes findings and, in the formats that carry them, opts.Problems
// to w in opts.Format. fs must already be sorted and fingerprinted; Write
// keeps its order.
func Write(w io.Writer, fs []finding.Finding, opts Options) error {
	bw := bufio.NewWriter(w)
	var err error
	switch opts.Format {
	case "text":
		err = writeText(bw, fs, opts)
	case "json":
		err = writeJSON(bw, fs, opts)
	case "sarif":
		err = writeSARIF(bw, fs, opts)
	case "github":
		err = writeGitHub(bw, fs, opts)
	case "rdjsonl":
		err = writeRDJSONL(bw, fs, opts)
	case "gitlab":
		err = writeGitLab(bw, fs, opts)
	case "checkstyle":
		err = writeCheckstyle(bw, fs, opts)
	default:
		return fmt.Errorf("unknown output format %q (want %s)", opts.Format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// checkLang returns the language to render catalogue texts in: "" means English.
func checkLang(lang string) (string, error) {
	if lang == "" {
		return "en", nil
	}
	if !slices.Contains(secretlint.Languages, lang) {
		return "", fmt.Errorf("unknown language %q (want %s)", lang, strings.Join(secretlint.Languages, ", "))
	}
	return lang, nil
}

// severity returns the finding's severity, which the pipeline sets on
// every finding (internal/pipeline); a finding without one is reported as
// a warning rather than dropped.
func severity(f finding.Finding) secretlint.Severity {
	if s := secretlint.Severity(f.Severity); s.Valid() {
		return s
	}
	return secretlint.SeverityWarning
}

// oneLine replaces control characters, which would break a line-oriented
// format or drive a terminal, by their \u escapes.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isControl reports control characters and the bidirectional formatting
// characters that reorder what a reader sees.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
