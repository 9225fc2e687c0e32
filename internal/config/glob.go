package config

import (
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
)

// MatchAny reports whether the slash-separated path p matches one of the
// globs. A glob matches the whole path or any trailing part of it (a glob
// starting with / only the whole path); `**`
// matches any number of directories, and a glob that names a directory
// matches everything below it.
func MatchAny(globs []string, p string) bool {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	for _, g := range globs {
		if Glob(g, p) {
			return true
		}
	}
	return false
}

// Glob matches one glob against a clean relative slash path.
//
// Each segment of a glob has the syntax of path.Match; the glob is turned
// once into a doublestar pattern of the same meaning (see compileGlob) and
// matched with doublestar, which is faster and allocates nothing per path
// (BenchmarkMatchAny).
func Glob(g, p string) bool {
	if p == "" {
		return matchesEmpty(g)
	}
	v, ok := compiled.Load(g)
	if !ok {
		v, _ = compiled.LoadOrStore(g, compileGlob(g))
	}
	dg := v.(*dsGlob)
	if dg.never {
		return false
	}
	// Two patterns: doublestar v4.10 does not match "a" with "a*/**" (a
	// star matching nothing before a trailing /**).
	if ok, err := doublestar.Match(dg.pattern, p); ok && err == nil {
		return true
	}
	ok, err := doublestar.Match(dg.below, p)
	return ok && err == nil
}

// compiled caches the doublestar form of every glob seen; globs come from
// configuration files, so it stays small.
var compiled sync.Map // string -> *dsGlob

// dsGlob is a glob as doublestar patterns.
type dsGlob struct {
	pattern string // the paths the glob names
	below   string // everything below them
	never   bool   // the glob is malformed or matches no clean path
}

// compileGlob turns a glob into doublestar patterns: ** segments are
// merged, a glob not starting with / gets a leading **/ (it matches any
// trailing part of a path), and every other segment goes through segment.
func compileGlob(g string) *dsGlob {
	g = strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./")
	anchored := strings.HasPrefix(g, "/")
	segs := strings.Split(strings.TrimPrefix(g, "/"), "/")
	for i, s := range segs {
		var ok bool
		if segs[i], ok = segment(s); !ok {
			return &dsGlob{never: true}
		}
	}
	segs = slices.CompactFunc(segs, func(a, b string) bool { return a == "**" && b == "**" })
	if !anchored && segs[0] != "**" {
		segs = append([]string{"**"}, segs...)
	}
	if len(segs) > 1 && segs[len(segs)-1] == "**" {
		segs = segs[:len(segs)-1] // below adds it back
	}
	pattern := strings.Join(segs, "/")
	return &dsGlob{pattern: pattern, below: pattern + "/**"}
}

// matchesEmpty reports whether a glob matches the empty path (the scan
// root itself), a path of one empty segment: only a glob whose segments
// are ** but for at most one made of * alone does.
func matchesEmpty(g string) bool {
	g = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./"), "/")
	other := 0
	for _, s := range strings.Split(g, "/") {
		if s == "**" {
			continue
		}
		if strings.Trim(s, "*") != "" {
			return false
		}
		other++
	}
	return other <= 1
}

// segment translates one path.Match pattern to doublestar, keeping its
// meaning where the two differ: braces are literal, a run of stars is one
// star (doublestar reads ** inside a segment its own way), and classes are
// rewritten by class. It reports false for a pattern path.Match rejects and
// for one that matches no segment of a clean path.
func segment(s string) (string, bool) {
	if s == "**" {
		return s, true
	}
	if _, err := path.Match(s, ""); err != nil || s == "" {
		return "", false
	}
	var b strings.Builder
	star := false
	for i := 0; i < len(s); {
		c := s[i]
		wasStar := star
		star = c == '*'
		switch c {
		case '*':
			if !wasStar {
				b.WriteByte('*')
			}
			i++
		case '\\':
			b.WriteString(s[i : i+2]) // path.Match accepted s: never the last byte
			i += 2
		case '{', '}':
			b.WriteByte('\\')
			b.WriteByte(c)
			i++
		case '[':
			n, ok := class(&b, s[i+1:])
			if !ok {
				return "", false
			}
			i += 1 + n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), true
}

// class writes the doublestar form of the path.Match character class whose
// text after the [ starts s, and returns how many bytes of s it spans. In
// path.Match only ^ negates ([!x] is a class of ! and x) and a reversed
// range such as z-a matches nothing; doublestar's [^x] matches a slash, so
// the slash is added to negated classes. Every item is escaped. It reports
// false for a class that matches nothing. path.Match has accepted s.
func class(b *strings.Builder, s string) (int, bool) {
	i := 0
	negate := strings.HasPrefix(s, "^")
	if negate {
		i++
	}
	char := func() rune {
		if s[i] == '\\' {
			i++
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		return r
	}
	var items strings.Builder
	if negate {
		items.WriteString(`\/`)
	}
	for first := true; first || s[i] != ']'; first = false {
		lo := char()
		hi := lo
		if s[i] == '-' {
			i++
			hi = char()
		}
		if lo > hi {
			continue
		}
		items.WriteByte('\\')
		items.WriteRune(lo)
		if hi != lo {
			items.WriteString(`-\`)
			items.WriteRune(hi)
		}
	}
	i++ // the ]
	if items.Len() == 0 {
		return i, false
	}
	b.WriteByte('[')
	if negate {
		b.WriteByte('^')
	}
	b.WriteString(items.String())
	b.WriteByte(']')
	return i, true
}
