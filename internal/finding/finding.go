// Package finding defines the finding every secretlint engine produces and
// every report writer consumes.
package finding

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Finding is one reported problem. It never holds a secret: the message
// names what was found and where, and at most a redacted form of a value.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	// File is slash-separated and relative to the scan root when the file
	// lies under it.
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// EndLine and EndColumn are 0 when unknown; EndColumn is exclusive.
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Message   string `json:"message"`
	// Fingerprint identifies the finding across runs and line moves.
	Fingerprint string `json:"fingerprint"`
}

// Compare orders findings by file, line, column, rule and message.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort sorts findings in place and drops exact duplicates (the same
// finding reported for a package and its test variant).
func Sort(fs []Finding) []Finding {
	slices.SortFunc(fs, Compare)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.Rule == b.Rule && a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Message == b.Message
	})
}

// Fingerprints fills Fingerprint for each finding (see FingerprintScheme)
// from its rule, its file, the shape of its source line and the key or
// identifier before it. Nothing derived from a secret goes into it: the
// finding's own span, the spans of the other findings on the line and
// the contents of quoted strings are masked before hashing. It is stable
// when lines move and changes when the rest of the flagged line changes.
// Identical keys in one file get an occurrence number. lineText returns
// the text of a line of a file.
func Fingerprints(fs []Finding, lineText func(file string, line int) string) {
	spans := lineSpans(fs)
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		shape, key := Shape(lineText(f.File, f.Line), f.Column, spans[fileLine{f.File, f.Line}])
		f.Fingerprint = numbered(seen, hashKey(FingerprintScheme, f.Rule, f.File, key, shape))
	}
}

// FingerprintScheme names the scheme of Fingerprints; SARIF reports
// fingerprints under this name.
const FingerprintScheme = "secretlint/v2"

// LegacyFingerprints returns the fingerprints of the first scheme
// (secretlint/v1: a hash over the rule, file, message and whole line) for
// matching the entries of old baselines. They are never written out: the
// line they hash holds the secret.
func LegacyFingerprints(fs []Finding, lineText func(file string, line int) string) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		text := strings.Join(strings.Fields(lineText(f.File, f.Line)), " ")
		out[i] = numbered(seen, hashKey("secretlint/v1", f.Rule, f.File, f.Message, text))
	}
	return out
}

func hashKey(parts ...string) string {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// numbered adds an occurrence number to a key seen before.
func numbered(seen map[string]int, key string) string {
	n := seen[key]
	seen[key] = n + 1
	if n > 0 {
		key += ":" + strconv.Itoa(n)
	}
	return key
}

type fileLine struct {
	file string
	line int
}

// Span is a byte range of a line: 1-based Start, exclusive End (0: to the
// end of the line).
type Span struct{ Start, End int }

// lineSpans gathers the spans of the findings of each line.
func lineSpans(fs []Finding) map[fileLine][]Span {
	out := map[fileLine][]Span{}
	for _, f := range fs {
		sp := Span{Start: f.Column}
		if f.EndLine == f.Line && f.EndColumn > f.Column {
			sp.End = f.EndColumn
		}
		k := fileLine{f.File, f.Line}
		out[k] = append(out[k], sp)
	}
	return out
}

// mask stands for masked text in a shape.
const mask = "\x00"

// Shape returns the shape of a line for a finding at byte column col: the
// line with the spans masked (a span of Start 0 masks the whole line), the
// contents of its quoted strings masked and its white space normalised;
// and key, the last identifier before col.
func Shape(line string, col int, spans []Span) (shape, key string) {
	b := []byte(line)
	masked := make([]bool, len(b))
	for _, sp := range spans {
		start, end := sp.Start-1, sp.End-1
		if sp.Start <= 0 {
			start = 0
		}
		if sp.End <= 0 || end > len(b) {
			end = len(b)
		}
		for i := max(start, 0); i < end; i++ {
			masked[i] = true
		}
	}
	maskQuoted(b, masked)
	if col > 0 && col-1 <= len(b) {
		key = lastIdent(b[:col-1], masked[:col-1])
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		if !masked[i] {
			out.WriteByte(b[i])
			continue
		}
		out.WriteString(mask)
		for i+1 < len(b) && masked[i+1] {
			i++
		}
	}
	return strings.Join(strings.Fields(out.String()), " "), key
}

// maskQuoted masks the contents of the quoted strings of a line.
func maskQuoted(b []byte, masked []bool) {
	for i := 0; i < len(b); i++ {
		q := b[i]
		if masked[i] || q != '"' && q != '\'' && q != '`' {
			continue
		}
		j := i + 1
		for ; j < len(b) && b[j] != q; j++ {
			if b[j] == '\\' && q != '`' {
				masked[j] = true
				j++
				if j >= len(b) {
					break
				}
			}
			masked[j] = true
		}
		i = j
	}
}

// lastIdent returns the last identifier of the unmasked text of b.
func lastIdent(b []byte, masked []bool) string {
	end := len(b)
	for end > 0 && (masked[end-1] || !identByte(b[end-1])) {
		end--
	}
	start := end
	for start > 0 && !masked[start-1] && identByte(b[start-1]) {
		start--
	}
	return string(b[start:end])
}

func identByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// Problem is input secretlint could not scan (broken YAML, a binary or
// oversized file, an unreadable path, a package that does not type-check).
// It is reported beside the findings; the rest of the scan goes on.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// String formats the problem as file:line:col: message.
func (p Problem) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return s + ": " + p.Message
}
