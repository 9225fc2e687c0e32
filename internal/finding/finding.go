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

// Fingerprints fills Fingerprint for each finding from its rule, file,
// message and the text of its source line (whitespace-normalised), so it is
// stable when lines move, and changes when the flagged line changes. The
// source line is hashed together with the rule and path, never on its own.
// Identical keys in one file get an occurrence number. lineText returns the
// text of a line of a file.
func Fingerprints(fs []Finding, lineText func(file string, line int) string) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		text := strings.Join(strings.Fields(lineText(f.File, f.Line)), " ")
		h := sha256.New()
		for _, s := range []string{"secretlint/v1", f.Rule, f.File, f.Message, text} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		key := hex.EncodeToString(h.Sum(nil))[:32]
		n := seen[key]
		seen[key] = n + 1
		if n > 0 {
			key += ":" + strconv.Itoa(n)
		}
		f.Fingerprint = key
	}
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
