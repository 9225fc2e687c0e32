package match

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Texts that error messages (the Go toolchain's, YAML's, git's) may echo
// from the source.
var (
	// Quoted text of 6 or more characters: Go string literals, backquoted
	// text, and single-quoted text without white space (so that Go's own
	// `expected ')', found 'EOF'` stays as it is).
	quotedText = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.){6,}\"|`[^`]{6,}`|'[^'\\s]{6,}'")
	// name=value, name: value and --name=value: the value is redacted
	// when the name signals a credential (`#cgo LDFLAGS: --password=…`).
	assignment = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*|=)(["']?)([^\s"',;)]{4,})`)
	// An opaque run: letters, digits and the characters of encoded
	// secrets, 16 or more.
	opaqueRun = regexp.MustCompile(`[A-Za-z0-9+/=_\-.~]{16,}`)
)

// RedactText redacts from a message (a problem, an error) any text that
// may be a secret, whatever its origin: detector tokens and connection
// string passwords, values assigned to credential names, quoted source
// text, and opaque high-entropy runs. What remains readable is the
// message's own words.
func (m *Matcher) RedactText(s string) string {
	var spans [][2]int
	add := func(a, b int) {
		if b > a {
			spans = append(spans, [2]int{a, b})
		}
	}
	if m.MayHaveTokens(s) {
		for _, t := range m.Tokens(s) {
			add(t.Start, t.End)
		}
	}
	for _, c := range m.ConnStrings(s) {
		add(c.Start, c.End)
	}
	for _, loc := range assignment.FindAllStringSubmatchIndex(s, -1) {
		if m.ClassifyName(s[loc[2]:loc[3]]).Credential() && !m.IsPlaceholder(s[loc[8]:loc[9]]) {
			add(loc[8], loc[9])
		}
	}
	for _, loc := range quotedText.FindAllStringIndex(s, -1) {
		add(loc[0]+1, loc[1]-1)
	}
	for _, loc := range opaqueRun.FindAllStringIndex(s, -1) {
		if opaque(s[loc[0]:loc[1]]) {
			add(loc[0], loc[1])
		}
	}
	return redactSpans(s, spans)
}

// opaque reports whether a run looks like a secret rather than a word, a
// path or a package name: letters and digits mixed, high entropy.
func opaque(v string) bool {
	if strings.ContainsAny(v, "/.") && !strings.ContainsAny(v, "+=") {
		// paths, package names, host names, versions
		if strings.Count(v, "/")+strings.Count(v, ".") > 1 {
			return false
		}
	}
	upper, lower, digit := 0, 0, 0
	for _, r := range v {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		}
	}
	return digit > 0 && upper > 0 && lower > 0 && Entropy(v) >= 3.5
}

// redactSpans replaces the merged spans of s by their redacted form.
func redactSpans(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	last := 0
	for i := 0; i < len(spans); i++ {
		start, end := spans[i][0], spans[i][1]
		for i+1 < len(spans) && spans[i+1][0] < end {
			i++
			end = max(end, spans[i][1])
		}
		if start < last {
			start = last
		}
		if start >= end {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(Redact(s[start:end]))
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// RedactTokens redacts from a name (a file name a `//line` directive
// gave, a key) the detector tokens and connection string passwords only.
func (m *Matcher) RedactTokens(s string) string {
	var spans [][2]int
	if m.MayHaveTokens(s) {
		for _, t := range m.Tokens(s) {
			spans = append(spans, [2]int{t.Start, t.End})
		}
	}
	for _, c := range m.ConnStrings(s) {
		spans = append(spans, [2]int{c.Start, c.End})
	}
	return redactSpans(s, spans)
}
