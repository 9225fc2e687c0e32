package report

import (
	"bufio"
	"strconv"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// ANSI escapes of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// writeText writes `file:line:col: message [rule-id]` per finding, as
// compilers do `file:line:col: warning: message [rule-id]` for a warning
// and `note: ` for a note: an error needs no word. Problems are left to the
// caller, which prints them on standard error.
func writeText(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	for _, f := range fs {
		loc := location(oneLine(f.File), f.Line, f.Column)
		msg := oneLine(f.Message)
		sev := severity(f)
		word := ""
		if sev != secretlint.SeverityError && sev != "" {
			word = string(sev) + ": "
		}
		if !opts.Color {
			w.WriteString(loc + ": " + word + msg + " [" + f.Rule + "]\n")
			continue
		}
		if word != "" {
			word = severityColor(sev) + string(sev) + ":" + ansiReset + " "
		}
		w.WriteString(ansiBold + loc + ":" + ansiReset + " " + word + msg + " " +
			severityColor(sev) + "[" + f.Rule + "]" + ansiReset + "\n")
	}
	return nil
}

// location formats file:line:col, leaving out unknown parts.
func location(file string, line, col int) string {
	if line <= 0 {
		return file
	}
	s := file + ":" + strconv.Itoa(line)
	if col > 0 {
		s += ":" + strconv.Itoa(col)
	}
	return s
}

func severityColor(s secretlint.Severity) string {
	switch s {
	case secretlint.SeverityError:
		return ansiRed
	case secretlint.SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}
