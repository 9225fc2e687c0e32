package match

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words splits an identifier into lower-case words at camelCase boundaries,
// digits-to-letters boundaries are kept together ("oauth2Token" gives
// "oauth2", "token"), and at every non-alphanumeric separator (`_`, `-`, `.`,
// `/`, `:`, spaces, brackets). "SPRING_DATASOURCE_PASSWORD" gives
// [spring datasource password]; "HTTPServerKey" gives [http server key].
func Words(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, strings.ToLower(cur.String()))
			cur.Reset()
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if i > 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			switch {
			case unicode.IsLower(prev), unicode.IsDigit(prev) && cur.Len() > 0 && hasLetter(cur.String()):
				// fooBar, oauth2Token
				flush()
			case unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
				// HTTPServer: the S starts a new word
				flush()
			}
		}
		cur.WriteRune(r)
	}
	flush()
	return words
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// phrase is a sequence of words.
type phrase []string

func splitPhrases(ps []string) []phrase {
	out := make([]phrase, 0, len(ps))
	for _, p := range ps {
		if f := strings.Fields(strings.ToLower(p)); len(f) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// lastEnd returns the index just past the last occurrence of any phrase in
// words, or -1.
func lastEnd(words []string, ps []phrase) int {
	end := -1
	for _, p := range ps {
		for i := 0; i+len(p) <= len(words); i++ {
			if equalAt(words, i, p) && i+len(p) > end {
				end = i + len(p)
			}
		}
	}
	return end
}

func containsAny(words []string, ps []phrase) bool {
	for _, p := range ps {
		for i := 0; i+len(p) <= len(words); i++ {
			if equalAt(words, i, p) {
				return true
			}
		}
	}
	return false
}

// equalAt reports whether phrase p occurs at words[i]. A word with trailing
// digits matches the word without them: apiToken29, password1, DB_PASSWORD_2.
func equalAt(words []string, i int, p phrase) bool {
	for j, w := range p {
		if words[i+j] != w && stem(words[i+j]) != w {
			return false
		}
	}
	return true
}

// stem drops the trailing digits of a word that has letters before them.
func stem(w string) string {
	i := len(w)
	for i > 0 && w[i-1] >= '0' && w[i-1] <= '9' {
		i--
	}
	if i == 0 {
		return w
	}
	return w[:i]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isASCIIPrintable reports whether s has only printable ASCII.
func isASCIIPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// Redact returns a form of a secret that is safe to print: its first
// characters (at most 4, and never more than a quarter of it) and its
// length, as in `AKIA…(20 chars)`. Short values show no characters at all.
func Redact(v string) string {
	n := utf8.RuneCountInString(v)
	show := min(4, n/4)
	if n < 12 {
		show = 0
	}
	rs := []rune(v)
	return string(rs[:show]) + "…(" + strconv.Itoa(n) + " chars)"
}

// runTogether are the credential words found at the end of a word written
// without separators: `truststorepassword`, `dbpassword`, `githubtoken`.
var runTogether = []string{"password", "passwd", "passphrase", "secret", "token"}

// splitRunTogether splits the words that end in a credential word after
// at least two letters or digits into two words. ok is false when none
// does.
func splitRunTogether(words []string) ([]string, bool) {
	var out []string
	for i, w := range words {
		for _, suf := range runTogether {
			if len(w) >= len(suf)+2 && strings.HasSuffix(w, suf) {
				if out == nil {
					out = append(make([]string, 0, len(words)+1), words[:i]...)
				}
				out = append(out, w[:len(w)-len(suf)], suf)
				w = ""
				break
			}
		}
		if w != "" && out != nil {
			out = append(out, w)
		}
	}
	return out, out != nil
}

// naturalText reports whether s is text of a language written without
// spaces (a message catalogue's "パスワードが一致しません。"): it holds
// letters of the Han, Hiragana, Katakana or Hangul scripts, which no
// generated credential does.
func naturalText(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}
