package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/awsguard/secretlint"
)

// Explain writes a terminal page about rule id in lang: its title,
// severity, default, description, remediation, examples and docs address.
// An unknown ID is an error that lists the known ones.
func Explain(w io.Writer, cat *secretlint.Catalogue, id, lang string) error {
	if cat == nil {
		return fmt.Errorf("no rule catalogue")
	}
	lang, err := checkLang(lang)
	if err != nil {
		return err
	}
	r := cat.Rule(id)
	if r == nil {
		if isReserved(cat, id) {
			return fmt.Errorf("rule %q is reserved for a later version; known rules: %s", id, knownRules(cat))
		}
		return fmt.Errorf("unknown rule %q; known rules: %s", id, knownRules(cat))
	}

	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("%s: %s\n\n", r.ID, r.Title.In(lang))
	if r.Deprecated != "" {
		p("%s %s\n\n", label(lang, "deprecated"), r.Deprecated)
	}
	p("%s: %s   %s: %s   %s: %s   %s: %s\n", label(lang, "severity"), r.Severity,
		label(lang, "default"), defaultWord(r, lang), label(lang, "since"), r.Since,
		label(lang, "targets"), targetNames(r.Targets))
	if len(r.Tags) > 0 {
		p("%s: %s\n", label(lang, "tags"), strings.Join(r.Tags, ", "))
	}
	p("\n%s\n\n", trimText(r.Description.In(lang)))
	p("%s:\n%s\n", label(lang, "remediation"), indent(trimText(r.Remediation.In(lang)), "  "))
	for _, ex := range []struct {
		key string
		es  []secretlint.Example
	}{{"bad", r.Examples.Bad}, {"good", r.Examples.Good}} {
		for _, e := range ex.es {
			p("\n%s (%s):\n%s\n", label(lang, ex.key), targetName(e.Lang), indent(strings.TrimRight(e.Code, "\n"), "    "))
		}
	}
	if u := cat.HelpURI(r.ID); u != "" {
		p("\n%s: %s\n", label(lang, "docs"), u)
	}
	return bw.Flush()
}

// indent prefixes every non-empty line of s.
func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
