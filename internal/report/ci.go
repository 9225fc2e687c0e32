package report

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// writeRDJSONL writes reviewdog's rdjsonl: one Diagnostic per line, for
// `reviewdog -f=rdjsonl -reporter=github-pr-review`. Columns are 1-based
// UTF-8 byte offsets, as reviewdog expects; the range end is exclusive.
func writeRDJSONL(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	type pos struct {
		Line   int `json:"line"`
		Column int `json:"column,omitempty"`
	}
	type rng struct {
		Start pos  `json:"start"`
		End   *pos `json:"end,omitempty"`
	}
	type link struct {
		Value string `json:"value,omitempty"`
		Name  string `json:"name,omitempty"`
		URL   string `json:"url,omitempty"`
	}
	type diagnostic struct {
		Message  string `json:"message"`
		Location struct {
			Path  string `json:"path"`
			Range rng    `json:"range"`
		} `json:"location"`
		Severity string `json:"severity"`
		Source   link   `json:"source"`
		Code     link   `json:"code"`
	}
	for _, f := range fs {
		var d diagnostic
		d.Message = f.Message
		d.Location.Path = f.File
		d.Location.Range.Start = pos{Line: f.Line, Column: f.Column}
		if f.EndLine > 0 {
			d.Location.Range.End = &pos{Line: f.EndLine, Column: f.EndColumn}
		}
		d.Severity = levelName(severity(f), "ERROR", "WARNING", "INFO")
		d.Source = link{Name: toolName, URL: sarifInfoURI}
		d.Code = link{Value: f.Rule}
		if opts.Catalogue != nil {
			d.Code.URL = opts.Catalogue.HelpURI(f.Rule)
		}
		data, err := json.Marshal(d)
		if err != nil {
			return err
		}
		w.Write(data)
		w.WriteByte('\n')
	}
	return nil
}

// writeGitLab writes a GitLab Code Quality report (a JSON array in the Code
// Climate issue shape), for `artifacts: reports: codequality:`.
func writeGitLab(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	type lines struct {
		Begin int `json:"begin"`
		End   int `json:"end,omitempty"`
	}
	type issue struct {
		Type        string   `json:"type"`
		CheckName   string   `json:"check_name"`
		Description string   `json:"description"`
		Categories  []string `json:"categories"`
		Severity    string   `json:"severity"`
		Fingerprint string   `json:"fingerprint"`
		Location    struct {
			Path  string `json:"path"`
			Lines lines  `json:"lines"`
		} `json:"location"`
	}
	out := []issue{}
	for _, f := range fs {
		is := issue{Type: "issue", CheckName: f.Rule, Description: f.Message, Categories: []string{"Security"}, Fingerprint: f.Fingerprint}
		is.Severity = levelName(severity(f), "critical", "major", "info")
		is.Location.Path = f.File
		is.Location.Lines = lines{Begin: f.Line}
		if f.EndLine > f.Line {
			is.Location.Lines.End = f.EndLine
		}
		out = append(out, is)
	}
	return encodeJSON(w, out)
}

// writeCheckstyle writes Checkstyle XML, one <file> per file in order.
func writeCheckstyle(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	w.WriteString(xml.Header)
	w.WriteString(`<checkstyle version="5.0">` + "\n")
	for i, f := range fs {
		if i == 0 || fs[i-1].File != f.File {
			if i > 0 {
				w.WriteString("  </file>\n")
			}
			w.WriteString(`  <file name="` + xmlAttr(f.File) + `">` + "\n")
		}
		sev := levelName(severity(f), "error", "warning", "info")
		w.WriteString(`    <error line="` + strconv.Itoa(f.Line) + `" column="` + strconv.Itoa(f.Column) +
			`" severity="` + sev + `" message="` + xmlAttr(f.Message) + `" source="` + toolName + "." + xmlAttr(f.Rule) + `"></error>` + "\n")
	}
	if len(fs) > 0 {
		w.WriteString("  </file>\n")
	}
	w.WriteString("</checkstyle>\n")
	return nil
}

// xmlAttr escapes an attribute value. Characters XML 1.0 cannot carry
// (control characters other than tab, LF and CR; invalid UTF-8) are
// written as Go escapes (`\x1b`) rather than replaced, so that a file
// name stays recognisable.
func xmlAttr(s string) string {
	var b bufferString
	_ = xml.EscapeText(&b, []byte(xmlChars(s)))
	return string(b)
}

func xmlChars(s string) string {
	ok := utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' })
	if ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0x20 && r != '\t' && r != '\n' && r != '\r':
			fmt.Fprintf(&b, `\x%02x`, s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

type bufferString []byte

func (b *bufferString) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }

// levelName names a severity in a format's own words: errorName for
// error, warningName for warning, noteName for note and anything else.
func levelName(s secretlint.Severity, errorName, warningName, noteName string) string {
	switch s {
	case secretlint.SeverityError:
		return errorName
	case secretlint.SeverityWarning:
		return warningName
	}
	return noteName
}
