package yamlscan

import (
	"fmt"

	"github.com/awsguard/secretlint/internal/finding"
)

// maxDocNodes bounds the nodes one YAML document may decode into. A
// yaml.Node tree costs about 200 bytes a node before any check runs, so
// a dense document (a one-line flow mapping of millions of pairs) would
// take gigabytes; past this estimate the document is checked as text
// only. 500,000 nodes is about 100 MiB of tree: no hand-written or
// generated configuration seen comes near it (a 4 MiB Kubernetes manifest
// has about 200,000).
const maxDocNodes = 500_000

// nodeEstimate estimates from above the nodes src decodes into, without
// parsing it: a document separator "---" stands for a document and its
// root, a mapping value indicator (": ", or ':' after a quoted key as in
// JSON) for a key and a value, a flow separator ',', an explicit key '?'
// or a block sequence entry "- " for one more node, '[' and '{' for a
// collection and its first entry. Scalars never make nodes otherwise, so the estimate is
// never far below the real count; colons and commas inside quoted or
// plain scalars only raise it.
func nodeEstimate(src []byte) int {
	n := 2 // the document and its root
	for i, c := range src {
		switch c {
		case ',', '?':
			n++
		case '[', '{': // the collection and its first entry
			n += 2
		case '-':
			if i+1 == len(src) || isBlankOrBreak(src[i+1]) {
				n++
			}
			if i >= 2 && src[i-1] == '-' && src[i-2] == '-' && (i == 2 || src[i-3] == '\n' || src[i-3] == '\r') {
				n += 2 // "---": another document
			}
		case ':':
			if i+1 == len(src) || isBlankOrBreak(src[i+1]) || src[i+1] == ',' || src[i+1] == '}' || src[i+1] == ']' ||
				i > 0 && (src[i-1] == '"' || src[i-1] == '\'') {
				n += 2
			}
		}
	}
	return n
}

func isBlankOrBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// overBudget checks as text the documents whose node estimate exceeds
// maxDocNodes, with a problem at the first line of each, and returns the
// source the decoder is to read: a copy with those documents blanked
// (same length, line breaks kept, so positions stay those of the file).
// It returns nil when every document is within the budget.
func (f *fileScan) overBudget() []byte {
	src := f.src.src
	if 2*len(src) <= maxDocNodes || nodeEstimate(src) <= maxDocNodes {
		return nil // the common case: one counting pass, no copy
	}
	var masked []byte
	nlines := len(f.src.lines)
	for first := 1; first <= nlines; {
		last := first
		for last < nlines && !f.src.docSeparator(last+1) {
			last++
		}
		start := f.src.lines[first-1]
		_, end := f.src.lineBounds(last)
		if n := nodeEstimate(src[start:end]); n > maxDocNodes {
			if masked == nil {
				masked = append([]byte(nil), src...)
			}
			for i := start; i < end; i++ {
				if masked[i] != '\n' && masked[i] != '\r' {
					masked[i] = ' '
				}
			}
			f.problems = append(f.problems, finding.Problem{File: f.rel, Line: first, Column: 1, Message: fmt.Sprintf(
				"YAML document of about %d nodes is larger than the limit of %d: checked as text only (tokens and key: value lines)", n, maxDocNodes)})
			f.textLines(first, last)
			f.maxLine = max(f.maxLine, last)
		}
		first = last + 1
	}
	return masked
}

// fromMasked is source.from over the masked copy of the source.
func (s *source) fromMasked(masked []byte, l int) []byte {
	if masked == nil {
		return s.from(l)
	}
	off := s.lines[l-1]
	out := make([]byte, 0, l-1+len(masked)-off)
	for range l - 1 {
		out = append(out, '\n')
	}
	return append(out, masked[off:]...)
}
