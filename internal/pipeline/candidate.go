package pipeline

import (
	"cmp"
	"slices"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// Candidate is a finding before precedence, suppressions and policy.
type Candidate struct {
	Rule string
	// Start and End are byte offsets of the span in the file; End <= Start
	// when only the start is known.
	Start, End int
	// Line and Column (1-based, byte columns) locate Start; EndLine and
	// EndColumn (exclusive) locate End, 0 when unknown.
	Line, Column, EndLine, EndColumn int
	// AltLine is another line whose suppression directives apply, such as
	// the line where a YAML node or its block-scalar header starts; 0 when
	// there is none.
	AltLine int
	Message string
	// Independent candidates do not compete for their location.
	Independent bool
	// Ref is the engine's own reference, carried through unchanged.
	Ref int
	// order is the position in the engine's output: the last tie-break.
	order int
}

// end returns the exclusive end offset: one byte past Start when unknown.
func (c *Candidate) end() int { return max(c.End, c.Start+1) }

// Resolve keeps one candidate per location by the documented tie-break
// and returns them ordered by position. precedence gives a rule's
// precedence from the catalogue.
func Resolve(cs []Candidate, precedence func(rule string) int) []Candidate {
	if len(cs) < 2 {
		return cs
	}
	prec := map[string]int{}
	for i := range cs {
		cs[i].order = i
		if _, ok := prec[cs[i].Rule]; !ok {
			prec[cs[i].Rule] = precedence(cs[i].Rule)
		}
	}
	byRank := slices.Clone(cs)
	slices.SortStableFunc(byRank, func(a, b Candidate) int {
		return cmp.Or(
			cmp.Compare(prec[b.Rule], prec[a.Rule]),
			cmp.Compare(a.end()-a.Start, b.end()-b.Start),
			cmp.Compare(a.order, b.order),
		)
	})
	kept := cs[:0]
	for _, c := range byRank {
		if c.Independent || !slices.ContainsFunc(kept, func(k Candidate) bool {
			return !k.Independent && c.Start < k.end() && k.Start < c.end()
		}) {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.order, b.order))
	})
	return kept
}

// Precedence returns the precedence function of a catalogue.
func Precedence(cat *secretlint.Catalogue) func(rule string) int {
	return func(rule string) int {
		if r := cat.Rule(rule); r != nil {
			return r.Precedence
		}
		return 0
	}
}

// Suppress drops the candidates that a directive of the file suppresses,
// on their line or on their AltLine.
func Suppress(cs []Candidate, dirs *directive.Set) []Candidate {
	if dirs == nil || dirs.Len() == 0 {
		return cs
	}
	return slices.DeleteFunc(cs, func(c Candidate) bool {
		return dirs.Suppressed(c.Rule, c.Line) || c.AltLine > 0 && c.AltLine != c.Line && dirs.Suppressed(c.Rule, c.AltLine)
	})
}

// DirectiveProblems returns the invalid-suppression candidates of a file's
// directives, after Suppress has marked the used ones. at turns a problem
// into a candidate with its position filled; the message is filled here.
func DirectiveProblems(dirs *directive.Set, path string, pol Policy, msg Messages, at func(directive.Problem) Candidate) []Candidate {
	if dirs == nil || dirs.Len() == 0 || pol.Skip(ruleid.InvalidSuppression, path) {
		return nil
	}
	enabled := func(id string) bool { return pol.Known(id) && !pol.Skip(id, path) }
	var out []Candidate
	for _, p := range dirs.Problems(pol.Known, enabled) {
		c := at(p)
		c.Rule = ruleid.InvalidSuppression
		c.Message = msg.Message(ruleid.InvalidSuppression, "problem", msg.Phrase(p.Phrase, p.Args...))
		c.Independent = true
		out = append(out, c)
	}
	return out
}

// Finish makes findings of a file's resolved candidates: candidates the
// policy skips are dropped, and each finding gets its severity. path is
// the slash path written into the findings.
func Finish(path string, cs []Candidate, pol Policy) []finding.Finding {
	out := make([]finding.Finding, 0, len(cs))
	for _, c := range cs {
		if f, ok := FindingOf(path, c, pol); ok {
			out = append(out, f)
		}
	}
	return out
}

// FindingOf makes the finding of one resolved candidate; ok is false when
// the policy skips it.
func FindingOf(path string, c Candidate, pol Policy) (f finding.Finding, ok bool) {
	if pol.Skip(c.Rule, path) {
		return f, false
	}
	return finding.Finding{
		Rule:      c.Rule,
		Severity:  string(pol.SeverityOf(c.Rule, path)),
		File:      path,
		Line:      c.Line,
		Column:    c.Column,
		EndLine:   c.EndLine,
		EndColumn: c.EndColumn,
		Message:   c.Message,
	}, true
}
