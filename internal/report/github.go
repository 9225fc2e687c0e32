package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// GitHubAnnotationLimit is how many annotations of one level GitHub shows
// per step; it drops the rest silently.
const GitHubAnnotationLimit = 10

// writeGitHub writes GitHub Actions workflow commands that annotate the
// findings, then the problems as warnings titled with the tool's name. At
// most GitHubAnnotationLimit commands of each level are written; a plain
// log line counts the rest, and opts.Summary gets a table of them all.
func writeGitHub(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	count := map[string]int{}
	hidden := 0
	for _, f := range fs {
		level := githubLevel(severity(f))
		if count[level]++; count[level] > GitHubAnnotationLimit {
			hidden++
			continue
		}
		props := append(locationProps(f.File, f.Line, f.Column, f.EndLine, f.EndColumn), "title="+escapeProperty(f.Rule))
		writeCommand(w, level, props, f.Message)
	}
	for _, p := range opts.Problems {
		if count["warning"]++; count["warning"] > GitHubAnnotationLimit {
			hidden++
			continue
		}
		props := append(locationProps(p.File, p.Line, p.Column, 0, 0), "title="+toolName)
		writeCommand(w, "warning", props, p.Message)
	}
	if hidden > 0 {
		w.WriteString(toolName + ": " + strconv.Itoa(hidden) + " more findings and problems are not annotated (GitHub shows " +
			strconv.Itoa(GitHubAnnotationLimit) + " per level); the job summary lists them all\n")
	}
	if opts.Summary != nil && len(fs)+len(opts.Problems) > 0 {
		return writeSummary(opts.Summary, fs, opts)
	}
	return nil
}

// writeSummary writes a Markdown table of all findings and problems, for
// $GITHUB_STEP_SUMMARY.
func writeSummary(out io.Writer, fs []finding.Finding, opts Options) error {
	w := bufio.NewWriter(out)
	w.WriteString("### " + toolName + ": " + strconv.Itoa(len(fs)) + " findings\n\n")
	w.WriteString("| Location | Rule | Severity | Message |\n|---|---|---|---|\n")
	for _, f := range fs {
		w.WriteString("| " + cell(codeSpan(f.File+":"+strconv.Itoa(f.Line))) + " | " + cell(f.Rule) + " | " +
			string(severity(f)) + " | " + cell(oneLine(f.Message)) + " |\n")
	}
	for _, p := range opts.Problems {
		w.WriteString("| " + cell(codeSpan(p.String())) + " | | problem | |\n")
	}
	w.WriteString("\n")
	return w.Flush()
}

// locationProps are the file and position properties of a workflow
// command; unknown (zero) positions are left out.
func locationProps(file string, line, col, endLine, endCol int) []string {
	props := []string{"file=" + escapeProperty(file)}
	if line > 0 {
		props = append(props, "line="+strconv.Itoa(line))
		if col > 0 {
			props = append(props, "col="+strconv.Itoa(col))
		}
		if endLine > 0 {
			props = append(props, "endLine="+strconv.Itoa(endLine))
			if endCol > 0 {
				props = append(props, "endColumn="+strconv.Itoa(endCol))
			}
		}
	}
	return props
}

func writeCommand(w *bufio.Writer, cmd string, props []string, msg string) {
	w.WriteString("::" + cmd + " " + strings.Join(props, ",") + "::" + escapeData(msg) + "\n")
}

func githubLevel(s secretlint.Severity) string { return levelName(s, "error", "warning", "notice") }

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message; control characters
// (ESC and the like, which a log viewer would act on) are written as \u
// escapes.
func escapeData(s string) string { return dataEscaper.Replace(controlsBut(s)) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(controlsBut(s)) }

// controlsBut is oneLine keeping CR and LF, which workflow commands
// percent-encode.
func controlsBut(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != '\r' && r != '\n' && isControl(r) }) {
		return s
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		sub := strings.Split(p, "\r")
		for j := range sub {
			sub[j] = oneLine(sub[j])
		}
		parts[i] = strings.Join(sub, "\r")
	}
	return strings.Join(parts, "\n")
}

// codeSpan puts s in a Markdown code span delimited by more backticks
// than any run in it, padded when it starts or ends with one.
func codeSpan(s string) string {
	s = oneLine(s)
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	ticks := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return ticks + s + ticks
}
