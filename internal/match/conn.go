package match

import (
	"regexp"
	"strings"

	"github.com/awsguard/secretlint/internal/ruleid"
)

// Conn is a connection string with an inline password.
type Conn struct {
	// Scheme names the form: a URL scheme ("postgres", "jdbc:mysql"),
	// "key=value" for lib/pq and ODBC forms, or "go-sql-driver".
	Scheme string
	// Start and End are byte offsets of the password in the scanned text.
	Start, End int
	Password   string
}

var (
	// scheme://user:pass@host, jdbc:mysql://user:pass@host. The password
	// runs to the last @ of the authority, as net/url reads it.
	urlCreds = regexp.MustCompile(`(?i)\b((?:jdbc:)?[a-z][a-z0-9+.-]*)://([^:/?#@\s'"\x60]*):([^/?#\s'"\x60]+)@[^\s'"\x60]`)
	// ...?user=x&password=y and jdbc:sqlserver://h;password=y
	queryPass = regexp.MustCompile(`(?i)[?&;](?:password|pwd|pass)=([^&;\s'"\x60]+)`)
	// lib/pq: host=h user=u password=p dbname=d
	kvPass    = regexp.MustCompile(`(?i)(?:^|[\s"'])(?:password|pwd)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s'";]+)`)
	kvContext = regexp.MustCompile(`(?i)(?:^|[\s;"'])(?:host|hostaddr|dbname|user|server|data source|database|port|sslmode|uid|user id)\s*=`)
	odbcPass  = regexp.MustCompile(`(?i)(?:^|;)\s*(?:password|pwd)\s*=\s*([^;"'\x60]+)`)
	// go-sql-driver: user:pass@net(addr)/db; the password runs to the last
	// @ before net(addr)/, as the driver's ParseDSN reads it.
	goSQLCreds = regexp.MustCompile(`(?:^|[\s"'=\x60])([\w.$-]+):([^\s"'\x60]+)@(?:tcp|tcp6|udp|unix|unixgram)?\([^)\s]*\)/`)
)

// ConnStrings returns the connection strings with inline passwords in text.
func (m *Matcher) ConnStrings(text string) []Conn {
	if !strings.ContainsAny(text, "@=") {
		return nil
	}
	var out []Conn
	add := func(scheme string, s, e int, user string) {
		pw := text[s:e]
		if strings.HasPrefix(pw, "'") && strings.HasSuffix(pw, "'") && len(pw) >= 2 {
			s, e, pw = s+1, e-1, pw[1:len(pw)-1]
		}
		if !m.inlinePassword(pw, user) || m.Allowed(ruleid.CredentialInConnectionString, pw) {
			return
		}
		for _, c := range out {
			if s < c.End && c.Start < e {
				return
			}
		}
		out = append(out, Conn{Scheme: scheme, Start: s, End: e, Password: pw})
	}
	hasURL := strings.Contains(text, "://")
	if hasURL {
		for _, loc := range urlCreds.FindAllStringSubmatchIndex(text, -1) {
			scheme := strings.ToLower(text[loc[2]:loc[3]])
			if !m.schemes[scheme] || documentationHost(text[loc[7]+1:]) {
				continue
			}
			add(scheme, loc[6], loc[7], text[loc[4]:loc[5]])
		}
		if i := strings.Index(text, "://"); i > 0 {
			start := strings.LastIndexAny(text[:i], " \t\"'=`") + 1
			scheme := strings.ToLower(text[start:i])
			if m.schemes[scheme] {
				for _, loc := range queryPass.FindAllStringSubmatchIndex(text, -1) {
					add(scheme, loc[2], loc[3], "")
				}
			}
		}
	}
	if strings.Contains(text, "@") {
		for _, loc := range goSQLCreds.FindAllStringSubmatchIndex(text, -1) {
			add("go-sql-driver", loc[4], loc[5], text[loc[2]:loc[3]])
		}
	}
	if !hasURL && strings.Contains(text, "=") && kvContext.MatchString(text) {
		if strings.Contains(text, ";") {
			for _, loc := range odbcPass.FindAllStringSubmatchIndex(text, -1) {
				s, e := loc[2], loc[3]
				for e > s && text[e-1] == ' ' {
					e--
				}
				add("key=value", s, e, "")
			}
		}
		for _, loc := range kvPass.FindAllStringSubmatchIndex(text, -1) {
			add("key=value", loc[2], loc[3], "")
		}
	}
	return out
}

// inlinePassword reports whether pw, found in a connection string next to
// user, is a real password rather than a template or placeholder.
func (m *Matcher) inlinePassword(pw, user string) bool {
	if pw == "" || pw == user || m.IsPlaceholder(pw) {
		return false
	}
	if strings.Trim(pw, "*") == "" || strings.Contains(pw, "%s") || strings.Contains(pw, "%v") ||
		strings.Contains(pw, "${") || strings.Contains(pw, "{{") || strings.HasPrefix(pw, "$") ||
		strings.HasPrefix(pw, "%") && strings.HasSuffix(pw, "%") || strings.HasPrefix(pw, "<") || strings.HasPrefix(pw, ":") {
		return false
	}
	return true
}

// documentationHost reports whether the text after a URL's userinfo starts
// with a host name reserved for documentation and tests (RFC 2606):
// example.com, example.net, example.org and names under .example, .test,
// .invalid. Credentials in such URLs are examples, not secrets.
func documentationHost(rest string) bool {
	end := strings.IndexAny(rest, ":/?#'\"` \t\n")
	if end < 0 {
		end = len(rest)
	}
	host := strings.ToLower(strings.TrimSuffix(rest[:end], "."))
	for _, d := range []string{"example.com", "example.net", "example.org"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	for _, tld := range []string{".example", ".test", ".invalid"} {
		if strings.HasSuffix(host, tld) {
			return true
		}
	}
	return false
}
