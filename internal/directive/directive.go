// Package directive parses secretlint's suppression comments and tracks
// which of them were used. Go and YAML share the syntax:
//
//	//secretlint:ignore <rule-id>[,<rule-id>] <reason>       (Go)
//	# secretlint:ignore <rule-id>[,<rule-id>] <reason>       (YAML)
//	//secretlint:file-ignore <rule-id>[,<rule-id>] <reason>
//
// An ignore directive applies to findings on its own line and on the line
// below it; a file-ignore directive applies to the whole file. The rule ID
// "all" matches every rule.
package directive

import (
	"slices"
	"strings"
)

const (
	prefix     = "secretlint:"
	ignore     = "ignore"
	fileIgnore = "file-ignore"
	// All is the rule ID that matches every rule.
	All = "all"
)

// Directive is one suppression comment.
type Directive struct {
	File   bool // file-ignore
	Rules  []string
	Reason string
	// Line and Column are the position of the comment; EndLine is the line
	// it ends on.
	Line, Column, EndLine int
	// Start, when set, is the first line the directive covers instead of
	// Line: a Terraform JSON "//" key covers the object it is written in,
	// from its opening line to EndLine.
	Start int
	used  bool
}

// Parse returns the directive in the text of a comment (without its `//`
// or `#` marker). ok is false when the comment is not a secretlint
// directive.
func Parse(text string) (d Directive, ok bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, prefix) {
		return d, false
	}
	t = t[len(prefix):]
	verb, rest, _ := strings.Cut(t, " ")
	switch verb {
	case ignore:
	case fileIgnore:
		d.File = true
	default:
		return d, false
	}
	rest = strings.TrimSpace(rest)
	ids, reason, _ := strings.Cut(rest, " ")
	for _, id := range strings.Split(ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			d.Rules = append(d.Rules, id)
		}
	}
	d.Reason = strings.TrimSpace(reason)
	return d, true
}

// Problem is an invalid or unused directive. Its text is the catalogue
// phrase Phrase filled with Args.
type Problem struct {
	Line, Column int
	Phrase       string
	Args         []string
}

// Set holds the directives of one file.
type Set struct {
	ds []*Directive
}

// Add records a directive found at line:col (ending at endLine).
func (s *Set) Add(d Directive) {
	if d.EndLine < d.Line {
		d.EndLine = d.Line
	}
	s.ds = append(s.ds, &d)
}

// Len returns the number of directives.
func (s *Set) Len() int { return len(s.ds) }

// Suppressed reports whether a finding of rule on line is suppressed, and
// marks the directives that suppress it as used. A directive without a
// reason still suppresses: its own problem is reported instead.
func (s *Set) Suppressed(rule string, line int) bool {
	hit := false
	for _, d := range s.ds {
		if !slices.Contains(d.Rules, rule) && !slices.Contains(d.Rules, All) {
			continue
		}
		first := d.Line
		if d.Start > 0 {
			first = d.Start
		}
		if d.File || line >= first && line <= d.EndLine+1 {
			d.used = true
			hit = true
		}
	}
	return hit
}

// Problems returns the directives without a rule or reason, naming an
// unknown rule, or that suppressed nothing. known tells a catalogue rule
// ID; enabled tells whether a rule ran, so that a directive for a rule that
// was switched off is not called unused.
func (s *Set) Problems(known, enabled func(id string) bool) []Problem {
	var out []Problem
	for _, d := range s.ds {
		p := Problem{Line: d.Line, Column: d.Column}
		verb := ignore
		if d.File {
			verb = fileIgnore
		}
		rules := strings.Join(d.Rules, ",")
		switch {
		case len(d.Rules) == 0:
			p.Phrase, p.Args = "directive_no_rule", []string{"verb", verb}
		case d.Reason == "":
			p.Phrase, p.Args = "directive_no_reason", []string{"verb", verb, "rules", rules}
		default:
			var unknown []string
			ran := false
			for _, id := range d.Rules {
				if id != All && !known(id) {
					unknown = append(unknown, id)
				}
				if id == All || enabled(id) {
					ran = true
				}
			}
			switch {
			case len(unknown) > 0:
				p.Phrase, p.Args = "directive_unknown_rule", []string{"verb", verb, "rules", strings.Join(unknown, ",")}
			case !d.used && ran:
				p.Phrase, p.Args = "directive_unused", []string{"verb", verb, "rules", rules}
			default:
				continue
			}
		}
		out = append(out, p)
	}
	return out
}
