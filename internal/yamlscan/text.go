package yamlscan

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Input the YAML parser cannot read is still checked, as text: the token
// detectors over its raw text, and `key: value` (or `KEY=value`) lines as
// key-value pairs. So are the documents of a stream after a broken one,
// which are parsed on their own.

// maxRestarts bounds how often the decoding of a stream restarts after a
// broken document; the rest is checked as text.
const maxRestarts = 100

// textLines checks lines from..to (1-based, inclusive) as text.
func (f *fileScan) textLines(from, to int) {
	to = min(to, len(f.src.lines))
	if from > to {
		return
	}
	f.rawRange(from, to)
	saved := f.path
	for l := from; l <= to; l++ {
		f.textPair(l)
	}
	f.path = saved[:0]
}

// rawRange runs the token detectors on the raw text of lines from..to.
func (f *fileScan) rawRange(from, to int) {
	start := f.src.lines[from-1]
	_, end := f.src.lineBounds(to)
	f.rawText(start, end)
}

// textPair checks line l when it reads `key: value` or `KEY=value`.
func (f *fileScan) textPair(l int) {
	start, end := f.src.lineBounds(l)
	line := f.src.src[start:end]
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '-') {
		i++
	}
	k := i
	for k < len(line) && isKeyByte(line[k], k > i) {
		k++
	}
	if k == i || k >= len(line) {
		return
	}
	var v int
	switch {
	case line[k] == ':' && (k+1 == len(line) || line[k+1] == ' ' || line[k+1] == '\t'):
		v = k + 1
	case line[k] == '=':
		v = k + 1
	default:
		return
	}
	for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
		v++
	}
	n := textValue(line, v)
	if n == nil {
		return
	}
	n.Line = l
	n.Column = 1 + utf8.RuneCount(line[:v])
	key := string(line[i:k])
	f.path = append(f.path[:0], seg{key: key, isKey: true})
	f.named(key, false, n, 0, len(n.Value))
}

// textValue returns the scalar written at line[v:], or nil when there is
// none (an empty value, a block, a flow collection, an alias or a tag).
func textValue(line []byte, v int) *yaml.Node {
	if v >= len(line) || bytes.IndexByte([]byte("|>{[&*!#"), line[v]) >= 0 {
		return nil
	}
	rest := line[v:]
	n := &yaml.Node{Kind: yaml.ScalarNode}
	if q := rest[0]; q == '"' || q == '\'' {
		j := bytes.IndexByte(rest[1:], q)
		if j < 0 || bytes.IndexByte(rest[1:j+1], '\\') >= 0 {
			return nil
		}
		n.Value = string(rest[1 : j+1])
		n.Style = yaml.DoubleQuotedStyle
		if q == '\'' {
			n.Style = yaml.SingleQuotedStyle
		}
		return n
	}
	if j := bytes.Index(rest, []byte(" #")); j >= 0 {
		rest = rest[:j]
	}
	n.Value = string(bytes.TrimRight(rest, " \t"))
	if n.Value == "" {
		return nil
	}
	return n
}

// docSeparator reports whether line l starts a new document (`---`) or
// ends one (`...`).
func (s *source) docSeparator(l int) bool {
	start, end := s.lineBounds(l)
	line := s.src[start:end]
	if len(line) < 3 || !bytes.HasPrefix(line, []byte("---")) && !bytes.HasPrefix(line, []byte("...")) {
		return false
	}
	return len(line) == 3 || line[3] == ' ' || line[3] == '\t'
}

// nextDocument returns the first line at or after from that separates
// documents, or 0.
func (s *source) nextDocument(from int) int {
	for l := max(from, 1); l <= len(s.lines); l++ {
		if s.docSeparator(l) {
			return l
		}
	}
	return 0
}

// from returns the source with the lines before line l blanked out, so
// that a decoder started on it reports the lines of the whole source.
func (s *source) from(l int) []byte {
	off := s.lines[l-1]
	out := make([]byte, 0, l-1+len(s.src)-off)
	out = append(out, bytes.Repeat([]byte{'\n'}, l-1)...)
	return append(out, s.src[off:]...)
}

// decodeUTF16 returns UTF-16 text with a byte order mark as UTF-8, or
// src as it is.
func decodeUTF16(src []byte) []byte {
	var big bool
	switch {
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		big = true
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
	default:
		return src
	}
	u := make([]uint16, 0, len(src)/2)
	for i := 2; i+1 < len(src); i += 2 {
		if big {
			u = append(u, uint16(src[i])<<8|uint16(src[i+1]))
		} else {
			u = append(u, uint16(src[i+1])<<8|uint16(src[i]))
		}
	}
	var b bytes.Buffer
	b.Grow(len(u))
	for _, r := range utf16.Decode(u) {
		b.WriteRune(r)
	}
	return b.Bytes()
}
