package yamlscan

import (
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Java .properties files (Spring's application.properties) are read into
// a YAML mapping of plain scalars whose positions are those of the keys
// and values in the file, so the YAML checks and reports apply unchanged.

// isPropertiesName reports whether a file is a .properties file.
func isPropertiesName(name string) bool {
	return strings.EqualFold(path.Ext(name), ".properties")
}

// IsSpringPropertiesName reports whether a file name is that of a Spring
// Boot properties file (application*.properties, bootstrap*.properties),
// which Walk scans beside YAML.
func IsSpringPropertiesName(name string) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	return isPropertiesName(base) && (strings.HasPrefix(base, "application") || strings.HasPrefix(base, "bootstrap"))
}

// runProperties scans a .properties file.
func (f *fileScan) runProperties() {
	root := f.parseProperties()
	if len(root.Content) > 0 {
		f.document(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	}
	f.scanComments()
}

// parseProperties parses the file into a mapping, keeping every key in
// the order written (duplicates included: each is checked). Values are
// kept out of the comment search: a '#' in a value is text.
func (f *fileScan) parseProperties() *yaml.Node {
	src := f.src.src
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	nlines := len(f.src.lines)
	for line := 1; line <= nlines; line++ {
		start, end := f.src.lineBounds(line)
		i := skipBlank(src, start, end)
		if i >= end || src[i] == '#' || src[i] == '!' {
			continue
		}
		// The key: up to an unescaped separator.
		ks := i
		for i < end && !propSep(src[i]) {
			if src[i] == '\\' {
				i++
			}
			i++
		}
		ke := min(i, end)
		i = skipBlank(src, i, end)
		if i < end && (src[i] == '=' || src[i] == ':') {
			i++
		}
		i = skipBlank(src, i, end)
		vs := i
		raw := string(src[vs:end])
		first := line
		// A line ending in an odd number of backslashes continues.
		for continued(raw) && line < nlines {
			line++
			s, e := f.src.lineBounds(line)
			s = skipBlank(src, s, e)
			raw = raw[:len(raw)-1] + string(src[s:e])
			end = e
		}
		if end > vs {
			f.excl = append(f.excl, span{vs, end})
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: unescapeProp(string(src[ks:ke])), Line: first, Column: f.charCol(first, ks)}
		val := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: unescapeProp(raw), Line: first, Column: f.charCol(first, vs)}
		root.Content = append(root.Content, key, val)
		if line > f.maxLine {
			f.maxLine = line
		}
	}
	return root
}

// charCol returns the 1-based column, in characters as yaml.v3 counts
// them, of byte offset off on line.
func (f *fileScan) charCol(line, off int) int {
	start, _ := f.src.lineBounds(line)
	return utf8.RuneCount(f.src.src[start:off]) + 1
}

// skipBlank returns the offset of the first byte of src[i:end] that is
// not a space, tab or form feed.
func skipBlank(src []byte, i, end int) int {
	for i < end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
		i++
	}
	return i
}

func propSep(c byte) bool {
	return c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f'
}

// continued reports whether a line ends in an odd number of backslashes.
func continued(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// unescapeProp resolves the escapes of a key or value.
func unescapeProp(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			if i+5 <= len(s) {
				if r, err := strconv.ParseUint(s[i+1:i+5], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += 4
					continue
				}
			}
			b.WriteByte('u')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
