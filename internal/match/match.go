// Package match decides what is a credential: it classifies identifiers into
// credential kinds, tells literal secrets from names, references and
// placeholders, and runs the token detectors and connection-string parsers.
// The Go analyzer and the YAML engine share it, so both judge alike.
package match

import (
	"encoding/base64"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// Options extends the catalogue with a user's configuration.
type Options struct {
	// Kinds are added before the catalogue's kinds; a kind with the ID of a
	// catalogue kind adds its words to that kind instead.
	Kinds []secretlint.Kind
	// Detectors are added to the catalogue's detectors.
	Detectors []secretlint.Detector
	// AllowValues are regexes of values no rule reports.
	AllowValues []string
	// RuleAllowValues are regexes of values a given rule does not report.
	RuleAllowValues map[string][]string
}

// Matcher is built once from a catalogue and is safe for concurrent use.
type Matcher struct {
	cat          *secretlint.Catalogue
	kinds        []kind
	suffixes     map[string]bool
	placeholders map[string]bool
	placePats    []*regexp.Regexp
	refPats      []*regexp.Regexp
	schemes      map[string]bool
	detectors    []detector
	keywords     []string   // lower-case union of detector keywords
	kwFirst      [256][]int // indices of the ASCII keywords, by first byte
	// kwPair is a bit set over the first two bytes (lower-case) of the
	// ASCII keywords: a position whose pair is not in it starts none.
	kwPair [1 << 16 / 64]uint64
	// kwShort marks first bytes of one-byte keywords, which have no pair.
	kwShort   [256]bool
	kwUnicode []int // indices of the keywords with non-ASCII bytes
	always    bool  // some detector has an empty keyword: it runs on every text
	// minToken is the fewest bytes any detector can match: shorter texts
	// hold no token.
	minToken  int
	allow     []*regexp.Regexp
	ruleAllow map[string][]*regexp.Regexp
	credWords map[string]bool
}

type kind struct {
	*secretlint.Kind
	words, needs []phrase
}

type detector struct {
	*secretlint.Detector
	re       *regexp.Regexp
	keywords []int // indices into Matcher.keywords
	always   bool  // an empty keyword: the detector runs on every text
	allow    []*regexp.Regexp
}

// New builds a matcher from the catalogue and options.
func New(cat *secretlint.Catalogue, opts Options) (*Matcher, error) {
	m := &Matcher{
		cat:          cat,
		suffixes:     map[string]bool{},
		placeholders: map[string]bool{},
		schemes:      map[string]bool{},
		ruleAllow:    map[string][]*regexp.Regexp{},
		credWords:    map[string]bool{},
	}
	var err error
	compile := func(ps []string) []*regexp.Regexp {
		var out []*regexp.Regexp
		for _, p := range ps {
			re, e := regexp.Compile(p)
			if e != nil {
				err = fmt.Errorf("pattern %q: %w", p, e)
				continue
			}
			out = append(out, re)
		}
		return out
	}
	catKinds := slices.Clone(cat.Kinds)
	for _, uk := range opts.Kinds {
		if i := slices.IndexFunc(catKinds, func(k secretlint.Kind) bool { return k.ID == uk.ID }); i >= 0 {
			k := catKinds[i]
			k.Words = append(slices.Clone(k.Words), uk.Words...)
			k.Needs = append(slices.Clone(k.Needs), uk.Needs...)
			if uk.Rotation != "" {
				k.Rotation = uk.Rotation
			}
			catKinds[i] = k
		}
	}
	var all []secretlint.Kind
	for _, uk := range opts.Kinds {
		if cat.Kind(uk.ID) == nil {
			all = append(all, uk)
		}
	}
	all = append(all, catKinds...)
	for i := range all {
		k := &all[i]
		m.kinds = append(m.kinds, kind{Kind: k, words: splitPhrases(k.Words), needs: splitPhrases(k.Needs)})
		if k.Secret {
			for _, w := range k.Words {
				for _, f := range strings.Fields(w) {
					m.credWords[f] = true
				}
			}
		}
	}
	for _, s := range cat.ReferenceSuffixes {
		for _, f := range strings.Fields(s) {
			m.suffixes[f] = true
		}
	}
	for _, v := range cat.Placeholders.Values {
		m.placeholders[strings.ToLower(v)] = true
	}
	m.placePats = compile(cat.Placeholders.Patterns)
	m.refPats = compile(cat.ReferencePatterns)
	for _, s := range cat.ConnectionSchemes {
		m.schemes[strings.ToLower(s)] = true
	}
	dets := append(slices.Clone(cat.Detectors), opts.Detectors...)
	kwIndex := map[string]int{}
	for i := range dets {
		d := &dets[i]
		re, e := regexp.Compile(d.Regex)
		if e != nil {
			return nil, fmt.Errorf("detector %s: %w", d.ID, e)
		}
		if d.Rule == "" {
			d.Rule = ruleid.HardcodedToken
		}
		cd := detector{Detector: d, re: re, allow: compile(d.Allow.Values)}
		for _, kw := range d.Keywords {
			kw = strings.ToLower(kw)
			if kw == "" {
				cd.always, m.always = true, true
				continue
			}
			k, ok := kwIndex[kw]
			if !ok {
				k = len(m.keywords)
				kwIndex[kw] = k
				m.keywords = append(m.keywords, kw)
				if isASCII(kw) {
					m.kwFirst[kw[0]] = append(m.kwFirst[kw[0]], k)
					if len(kw) == 1 {
						m.kwShort[kw[0]] = true
					} else {
						p := uint16(kw[0])<<8 | uint16(kw[1])
						m.kwPair[p/64] |= 1 << (p % 64)
					}
				} else {
					m.kwUnicode = append(m.kwUnicode, k)
				}
			}
			cd.keywords = append(cd.keywords, k)
		}
		m.detectors = append(m.detectors, cd)
		if l := regexMinLen(d.Regex); len(m.detectors) == 1 || l < m.minToken {
			m.minToken = l
		}
	}
	m.allow = compile(opts.AllowValues)
	for rule, ps := range opts.RuleAllowValues {
		m.ruleAllow[rule] = compile(ps)
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// Catalogue returns the catalogue the matcher was built from.
func (m *Matcher) Catalogue() *secretlint.Catalogue { return m.cat }

// Name is what an identifier says about its value.
type Name struct {
	// Kind is the credential (or configuration) kind the name signals, or nil.
	Kind *secretlint.Kind
	// Reference is set when the name points at a credential instead of
	// holding one: PasswordField, SecretName, TokenURL, DBPassEnv.
	Reference bool
	// Words are the identifier's words, lower-case.
	Words []string
	// matched are the words of the phrase that signalled the kind.
	matched []string
}

// Credential reports whether the name signals a secret kind and is not a reference.
func (n Name) Credential() bool { return n.Kind != nil && n.Kind.Secret && !n.Reference }

// ClassifyName classifies an identifier: a Go name, a YAML key, an
// environment variable name or a parameter path.
func (m *Matcher) ClassifyName(ident string) Name {
	words := Words(ident)
	n := m.classifyWords(words)
	if n.Kind == nil {
		// Run-together words: truststorepassword, keystorepassword.
		if split, ok := splitRunTogether(words); ok {
			if sn := m.classifyWords(split); sn.Kind != nil {
				return sn
			}
		}
	}
	return n
}

// classifyWords classifies the words of an identifier.
func (m *Matcher) classifyWords(words []string) Name {
	n := Name{Words: words}
	if len(words) == 0 {
		return n
	}
	for i := range m.kinds {
		k := &m.kinds[i]
		end := lastEnd(words, k.words)
		if end < 0 {
			continue
		}
		if len(k.needs) > 0 && !containsAny(words, k.needs) {
			continue
		}
		n.Kind = k.Kind
		for _, w := range words[end:] {
			if m.suffixes[w] || m.suffixes[stem(w)] {
				n.Reference = true
				break
			}
		}
		for _, p := range k.words {
			for j := 0; j+len(p) <= len(words); j++ {
				if equalAt(words, j, p) {
					n.matched = append(n.matched, p...)
				}
			}
		}
		return n
	}
	return n
}

// IsPlaceholder reports whether v is a placeholder, template or empty value.
func (m *Matcher) IsPlaceholder(v string) bool {
	t := strings.TrimSpace(v)
	if m.placeholders[strings.ToLower(t)] || repeatedRune(t) {
		return true
	}
	for _, re := range m.placePats {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// repeatedRune reports whether s is one character repeated at least four
// times (`aaaa`, `1111`, `****`), case-insensitively. rules.yaml cannot say
// this: RE2 has no backreferences.
func repeatedRune(s string) bool {
	rs := []rune(strings.ToLower(s))
	if len(rs) < 4 {
		return false
	}
	for _, r := range rs[1:] {
		if r != rs[0] {
			return false
		}
	}
	return true
}

// IsReference reports whether v points at a secret (a path, an ARN, an
// environment variable name, a URL without credentials) instead of holding one.
func (m *Matcher) IsReference(v string) bool {
	for _, re := range m.refPats {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

// Allowed reports whether the user's configuration allows value v for rule.
func (m *Matcher) Allowed(rule, v string) bool {
	for _, re := range m.allow {
		if re.MatchString(v) {
			return true
		}
	}
	for _, re := range m.ruleAllow[rule] {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

var (
	identLike  = regexp.MustCompile(`^[a-z]+([._/-][a-z]+)+$`)
	fileLike   = regexp.MustCompile(`(?i)^[\w./~-]*\.(json|ya?ml|txt|pem|key|crt|cer|p12|pfx|jks|env|properties|conf|cfg|ini|toml|secret|gpg|asc)$`)
	regexLike  = regexp.MustCompile(`\\[dwsbDWSB.]|\[\^?[^\]]*\]\{?|\(\?[:i!=P<]|\{\d+(,\d*)?\}|^\^.*\$$|[\].)][*+?]`)
	formatVerb = regexp.MustCompile(`%[-+# 0-9.]*[sdvqxXfgtp]`)
)

// sequences whose presence marks a charset or alphabet constant.
var alphabets = []string{"abcdefghij", "ABCDEFGHIJ", "0123456789", "qwertyuiop", "zyxwvutsrq"}

// LiteralCredential reports whether value, given literally to a name of a
// secret kind, looks like a real credential rather than a placeholder,
// reference, label, message, regex or charset. rule is the rule that would
// report it, for the user's per-rule allowlist.
func (m *Matcher) LiteralCredential(rule string, name Name, value string) bool {
	return m.literalCredential(rule, name, value, false)
}

// LiteralEnvCredential is LiteralCredential for the value of an
// environment variable (`JWT_SECRET`, `SPRING_DATASOURCE_PASSWORD`): its
// name alone says what the value is, so a value that holds a credential
// word (`Sup3rSecretPass`) is still a credential.
func (m *Matcher) LiteralEnvCredential(rule string, name Name, value string) bool {
	return m.literalCredential(rule, name, value, true)
}

func (m *Matcher) literalCredential(rule string, name Name, value string, byName bool) bool {
	if !name.Credential() {
		return false
	}
	v := strings.TrimSpace(value)
	if v == "" || m.IsPlaceholder(v) || m.IsReference(v) || m.Allowed(rule, v) {
		return false
	}
	if strings.ContainsAny(v, " \t\r\n") || !isASCIIPrintable(v) && !hasLetter(v) || naturalText(v) {
		return false
	}
	// A URL or DSN is not itself a credential: a password inline in it is
	// reported by credential-in-connection-string.
	if strings.Contains(v, "://") {
		return false
	}
	if encodedText(v) {
		return false // base64 of a sentence: "this is not a real value"
	}
	// The value repeats a credential word of its name: PasswordField =
	// "password", HeaderAuthToken = "X-Auth-Token", GrantType = "refresh_token".
	for _, w := range Words(v) {
		if !byName && (slices.Contains(name.matched, w) || m.credWords[w] && len(w) > 3) {
			return false
		}
	}
	if !byName && namesItself(v, name.matched) {
		return false
	}
	if identLike.MatchString(v) || fileLike.MatchString(v) || regexLike.MatchString(v) || formatVerb.MatchString(v) {
		return false
	}
	for _, a := range alphabets {
		if strings.Contains(v, a) {
			return false
		}
	}
	n := len([]rune(v))
	switch name.Kind.ID {
	case "db-credential", "db-credential-term", "generic-password":
		return n >= 4
	default:
		if n < 8 {
			return false
		}
		return hasDigit(v) || Entropy(v) >= 3.0 || mixedCase(v)
	}
}

// namesItself reports whether v, letters only, spells the credential
// words of its name run together: ApiKeyValue = "MyAPIkey", Password =
// "mypassword". Words cannot split such a value at the name's words
// ("MyAPIkey" splits as my, ap, ikey).
func namesItself(v string, matched []string) bool {
	// matched holds the phrase once per occurrence in the name
	// (ApiKeyAuthParameters.ApiKeyValue: api key api key): take it once.
	k := len(matched)
	for p := 1; p < len(matched); p++ {
		if len(matched)%p == 0 && slices.Equal(matched[p:], matched[:len(matched)-p]) {
			k = p
			break
		}
	}
	joined := strings.Join(matched[:k], "")
	if len(joined) < 4 {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return strings.Contains(strings.ToLower(v), joined)
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func mixedCase(s string) bool {
	return strings.ToLower(s) != s && strings.ToUpper(s) != s
}

// Entropy returns the Shannon entropy of s in bits per byte.
func Entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

var (
	awsKeyIDShape  = regexp.MustCompile(`^A[A-Z0-9]{15,127}$`)
	awsSecretShape = regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`)
)

// AWSAccessKeyID reports whether v, given literally as an access key ID
// (aws_access_key_id, AccessKeyID), has the shape of a real one and is not
// a placeholder, reference or allowed value.
func (m *Matcher) AWSAccessKeyID(rule, v string) bool {
	v = strings.TrimSpace(v)
	return awsKeyIDShape.MatchString(v) && Entropy(v) >= 3.0 && m.realValue(rule, v)
}

// AWSSecretAccessKey reports whether v, given literally as a secret access
// key, has the shape of a real one (40 base64 characters, high entropy)
// and is not a placeholder, reference or allowed value.
func (m *Matcher) AWSSecretAccessKey(rule, v string) bool {
	v = strings.TrimSpace(v)
	return awsSecretShape.MatchString(v) && !hex40.MatchString(v) && Entropy(v) >= 3.5 && m.realValue(rule, v)
}

// hex40 is a SHA-1 such as a git commit: never a secret access key.
var hex40 = regexp.MustCompile(`^[0-9a-fA-F]{40}$`)

func (m *Matcher) realValue(rule, v string) bool {
	return !m.IsPlaceholder(v) && !m.IsReference(v) && !m.Allowed(rule, v)
}

// encodedText reports whether v is the base64 encoding of human text: at
// least two words separated by spaces, all printable ASCII. Test fixtures
// use such values ("this is not a real value"); encoded secrets are not
// sentences.
func encodedText(v string) bool {
	if len(v) < 16 {
		return false
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		b, err := enc.DecodeString(v)
		if err != nil {
			continue
		}
		spaces := 0
		for _, c := range b {
			if c < 0x20 || c > 0x7e {
				return false
			}
			if c == ' ' {
				spaces++
			}
		}
		return spaces >= 2
	}
	return false
}
