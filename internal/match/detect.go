package match

import (
	"regexp"
	"strings"
)

// Token is a match of a token detector.
type Token struct {
	DetectorID string
	Title      string
	Rule       string
	// Start and End are byte offsets of the secret in the scanned text.
	Start, End int
	Secret     string
}

// MayHaveTokens is the cheap prefilter: it reports whether any detector
// keyword occurs in text.
func (m *Matcher) MayHaveTokens(text string) bool {
	if len(text) < 8 {
		return false
	}
	lower := strings.ToLower(text)
	for _, kw := range m.keywords {
		if strings.Contains(lower, kw) {
			return true
		}
	}
	return false
}

// Tokens returns the detector matches in text, in order of position, at most
// one per span.
func (m *Matcher) Tokens(text string) []Token {
	if !m.MayHaveTokens(text) {
		return nil
	}
	lower := strings.ToLower(text)
	var out []Token
	for i := range m.detectors {
		d := &m.detectors[i]
		hit := false
		for _, kw := range d.keywords {
			if strings.Contains(lower, kw) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		for _, loc := range d.re.FindAllStringSubmatchIndex(text, -1) {
			g := d.SecretGroup
			s, e := loc[2*g], loc[2*g+1]
			if s < 0 {
				continue
			}
			secret := text[s:e]
			if d.MinEntropy > 0 && Entropy(secret) < d.MinEntropy {
				continue
			}
			if anyMatch(d.allow, secret) || m.Allowed(d.Rule, secret) {
				continue
			}
			if overlaps(out, s, e) {
				continue
			}
			out = append(out, Token{DetectorID: d.ID, Title: d.Title, Rule: d.Rule, Start: s, End: e, Secret: secret})
		}
	}
	sortTokens(out)
	return out
}

func anyMatch(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func overlaps(ts []Token, s, e int) bool {
	for _, t := range ts {
		if s < t.End && t.Start < e {
			return true
		}
	}
	return false
}

func sortTokens(ts []Token) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Start < ts[j-1].Start; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// DetectorIDs lists the IDs of the matcher's detectors.
func (m *Matcher) DetectorIDs() []string {
	ids := make([]string, len(m.detectors))
	for i, d := range m.detectors {
		ids[i] = d.ID
	}
	return ids
}

// TokensOf runs only the detector with the given ID, for self-checks.
func (m *Matcher) TokensOf(id, text string) []Token {
	for _, t := range m.Tokens(text) {
		if t.DetectorID == id {
			return []Token{t}
		}
	}
	return nil
}
