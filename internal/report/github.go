package report

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// writeGitHub writes GitHub Actions workflow commands that annotate the
// findings, then the problems as warnings titled with the tool's name.
// GitHub shows at most 10 annotations of each level per step.
func writeGitHub(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	for _, f := range fs {
		props := []string{"file=" + escapeProperty(f.File)}
		if f.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Line))
			if f.Column > 0 {
				props = append(props, "col="+strconv.Itoa(f.Column))
			}
			if f.EndLine > 0 {
				props = append(props, "endLine="+strconv.Itoa(f.EndLine))
				if f.EndColumn > 0 {
					props = append(props, "endColumn="+strconv.Itoa(f.EndColumn))
				}
			}
		}
		props = append(props, "title="+escapeProperty(f.Rule))
		writeCommand(w, githubLevel(severity(f, opts.Catalogue)), props, f.Message)
	}
	for _, p := range opts.Problems {
		props := []string{"file=" + escapeProperty(p.File)}
		if p.Line > 0 {
			props = append(props, "line="+strconv.Itoa(p.Line))
			if p.Column > 0 {
				props = append(props, "col="+strconv.Itoa(p.Column))
			}
		}
		props = append(props, "title="+toolName)
		writeCommand(w, "warning", props, p.Message)
	}
	return nil
}

func writeCommand(w *bufio.Writer, cmd string, props []string, msg string) {
	w.WriteString("::" + cmd + " " + strings.Join(props, ",") + "::" + escapeData(msg) + "\n")
}

func githubLevel(s secretlint.Severity) string {
	switch s {
	case secretlint.SeverityError:
		return "error"
	case secretlint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
