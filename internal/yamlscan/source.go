package yamlscan

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is the text of one file with a line index. yaml.v3 positions count
// characters; findings count bytes, so every position goes through here.
type source struct {
	src   []byte
	lines []int // byte offset of the start of each line
	bom   int   // length of a leading UTF-8 byte order mark
}

func newSource(src []byte) *source {
	n := bytes.Count(src, []byte{'\n'}) + 1
	if bytes.IndexByte(src, '\r') >= 0 {
		n += bytes.Count(src, []byte{'\r'})
	}
	s := &source{src: src, lines: make([]int, 1, n)}
	for i, c := range src {
		// A lone CR breaks a line too, as YAML reads it.
		if c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			s.lines = append(s.lines, i+1)
		}
	}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		s.bom = 3
	}
	return s
}

// lineBounds returns the byte range of line (1-based) without its line break.
func (s *source) lineBounds(line int) (start, end int) {
	if line < 1 || line > len(s.lines) {
		return len(s.src), len(s.src)
	}
	start = s.lines[line-1]
	if line < len(s.lines) {
		end = s.lines[line] - 1
	} else {
		end = len(s.src)
	}
	if end > start && s.src[end-1] == '\r' {
		end--
	}
	return start, end
}

// offset converts a yaml.v3 position (1-based line, 1-based column counted
// in characters) to a byte offset.
func (s *source) offset(line, col int) int {
	start, end := s.lineBounds(line)
	if line == 1 {
		start += s.bom
	}
	off := start
	for c := 1; c < col && off < end; c++ {
		if b := s.src[off]; b < utf8.RuneSelf {
			off++
			continue
		}
		_, size := utf8.DecodeRune(s.src[off:end])
		off += size
	}
	return off
}

// pos converts a byte offset to a 1-based line and byte column.
func (s *source) pos(off int) (line, col int) {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - s.lines[i] + 1
}

// span is a byte range of the source.
type span struct{ start, end int }

// indent returns the number of leading spaces of the line holding off.
func (s *source) indent(off int) int {
	line, _ := s.pos(off)
	start, end := s.lineBounds(line)
	n := 0
	for start+n < end && s.src[start+n] == ' ' {
		n++
	}
	return n
}

// scalarText locates the text of a scalar node in the source.
type scalarText struct {
	// start is where the scalar's own text begins (after its tag and
	// anchor), end where it ends; end is -1 when unknown (a plain scalar
	// folded over several lines).
	start, end int
	// body is the range searched for parts of the value: the content of a
	// quoted or block scalar.
	body span
	// direct is set when the value is the body byte for byte, so offsets
	// in the value map to offsets in the source by adding body.start.
	direct bool
	// exclude is the range in which a '#' is part of the value, not a
	// comment (quoted and block scalars).
	exclude span
}

// skipProps skips a node's tag and anchor properties (`!Sub`, `&a`) and the
// white space after them.
func (s *source) skipProps(off int) int {
	for off < len(s.src) && (s.src[off] == '!' || s.src[off] == '&') {
		for off < len(s.src) && !isSpace(s.src[off]) {
			off++
		}
		for off < len(s.src) && isSpace(s.src[off]) {
			off++
		}
	}
	return off
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// scalar locates the text of scalar node n.
func (s *source) scalar(n *yaml.Node) scalarText {
	off := s.offset(n.Line, n.Column)
	if n.Tag != "" && n.Tag[0] == '!' || n.Anchor != "" {
		off = s.skipProps(off)
	}
	t := scalarText{start: off, end: -1}
	if off >= len(s.src) {
		t.start, t.end = len(s.src), len(s.src)
		t.body = span{t.start, t.end}
		return t
	}
	switch c := s.src[off]; {
	case n.Style&yaml.DoubleQuotedStyle != 0 && c == '"':
		t.end = closeDouble(s.src, off+1)
		t.body = span{off + 1, max(off+1, t.end-1)}
		t.exclude = span{off, t.end}
	case n.Style&yaml.SingleQuotedStyle != 0 && c == '\'':
		t.end = closeSingle(s.src, off+1)
		t.body = span{off + 1, max(off+1, t.end-1)}
		t.exclude = span{off, t.end}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && (c == '|' || c == '>'):
		t.body = s.blockBody(off)
		t.end = t.body.end
		t.exclude = t.body
		return t
	default:
		if bytes.HasPrefix(s.src[off:], []byte(n.Value)) {
			t.end = off + len(n.Value)
			t.body = span{off, t.end}
			t.direct = true
			return t
		}
		// A plain scalar folded over lines: search a window after it.
		t.body = span{off, min(len(s.src), off+4*len(n.Value)+256)}
		return t
	}
	t.direct = string(s.src[t.body.start:t.body.end]) == n.Value
	return t
}

// closeDouble returns the offset just past the closing quote of a
// double-quoted scalar whose content starts at i.
func closeDouble(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1
		}
		i++
	}
	return len(src)
}

// closeSingle returns the offset just past the closing quote of a
// single-quoted scalar whose content starts at i.
func closeSingle(src []byte, i int) int {
	for i < len(src) {
		if src[i] == '\'' {
			if i+1 < len(src) && src[i+1] == '\'' {
				i += 2
				continue
			}
			return i + 1
		}
		i++
	}
	return len(src)
}

// blockBody returns the content lines of a block scalar whose indicator
// (`|` or `>`) is at off: the lines after the header that are blank or
// indented at least as much as the first non-blank one, which must be
// indented more than the header line.
func (s *source) blockBody(off int) span {
	hline, _ := s.pos(off)
	hindent := s.indent(off)
	start := len(s.src)
	if hline < len(s.lines) {
		start = s.lines[hline]
	}
	end := start
	first := -1
	for l := hline + 1; l <= len(s.lines); l++ {
		ls, le := s.lineBounds(l)
		n := 0
		for ls+n < le && s.src[ls+n] == ' ' {
			n++
		}
		blank := len(bytes.TrimSpace(s.src[ls:le])) == 0
		if !blank {
			if first < 0 {
				if n <= hindent {
					break
				}
				first = n
			} else if n < first {
				break
			}
		}
		end = le
		if l < len(s.lines) {
			end = s.lines[l]
		}
	}
	if first < 0 {
		return span{start, start}
	}
	return span{start, end}
}

// locate maps the part value[s:e] of scalar node n to a source range. ok is
// false when the part could not be found on its own; the range is then the
// whole scalar.
func (s *source) locate(n *yaml.Node, t scalarText, vs, ve int) (start, end int) {
	if t.direct {
		return t.body.start + vs, t.body.start + ve
	}
	part := n.Value[vs:ve]
	if part != "" {
		body := s.src[t.body.start:t.body.end]
		if i := nth(body, part, strings.Count(n.Value[:vs], part)); i >= 0 {
			return t.body.start + i, t.body.start + i + len(part)
		}
		// A part spanning lines (a key block): find its first line.
		if j := strings.IndexByte(part, '\n'); j > 0 {
			first := part[:j]
			if i := nth(body, first, strings.Count(n.Value[:vs], first)); i >= 0 {
				return t.body.start + i, -1
			}
		}
	}
	return t.start, t.end
}

// nth returns the index of the k-th (0-based) occurrence of sub in b, or of
// the last occurrence when there are fewer, or -1.
func nth(b []byte, sub string, k int) int {
	last := -1
	from := 0
	for i := 0; i <= k; i++ {
		j := bytes.Index(b[from:], []byte(sub))
		if j < 0 {
			return last
		}
		last = from + j
		from = last + len(sub)
	}
	return last
}

// comment is a real YAML comment: the text after `#` up to the end of line.
type comment struct {
	hash     int // offset of '#'
	text     span
	line     int
	col, end int // byte columns of '#' and just past the comment
}

// comments returns the real comments of the source: a '#' at the start of
// a line or after white space, outside every excluded span (quoted and
// block scalars). excl must be sorted by start.
func (s *source) comments(excl []span) []comment {
	var out []comment
	src := s.src
	from := 0
	for {
		i := bytes.IndexByte(src[from:], '#')
		if i < 0 {
			return out
		}
		i += from
		if i > 0 && src[i-1] != ' ' && src[i-1] != '\t' && src[i-1] != '\n' && src[i-1] != '\r' && i != s.bom || inSpans(excl, i) {
			from = i + 1
			continue
		}
		line, col := s.pos(i)
		_, le := s.lineBounds(line)
		out = append(out, comment{hash: i, text: span{i + 1, le}, line: line, col: col, end: col + le - i})
		from = le
		if from >= len(src) {
			return out
		}
	}
}

// inSpans reports whether off lies in one of the sorted spans. The spans
// are the text of leaf scalars, so they never overlap.
func inSpans(sp []span, off int) bool {
	i := sort.Search(len(sp), func(i int) bool { return sp[i].start > off })
	return i > 0 && off < sp[i-1].end
}
