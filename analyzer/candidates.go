package analyzer

import (
	"cmp"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// candidate is a finding before precedence and suppressions are applied.
type candidate struct {
	rule     string
	pos, end token.Pos
	msg      string
	prec     int
	order    int
	// stack is set for findings that do not compete for their location
	// with the other rules (a log call, a fetch in a loop).
	stack bool
}

// ruleAllows reports whether a rule may report in this file. Detectors can
// name rules of their own, so unknown IDs are looked up too.
func (fs *fileScan) ruleAllows(id string) bool {
	on, ok := fs.on[id]
	if !ok {
		on = fs.s.Known(id) && !fs.s.Skip(id, fs.path)
		fs.on[id] = on
	}
	return on
}

// add records a candidate finding of rule over [pos, end).
func (fs *fileScan) add(rule string, pos, end token.Pos, args ...string) {
	if !fs.ruleAllows(rule) {
		return
	}
	r := fs.s.Rule(rule)
	if r == nil {
		return
	}
	fs.cands = append(fs.cands, candidate{
		rule:  rule,
		pos:   pos,
		end:   end,
		msg:   fs.s.Message(rule, args...),
		prec:  r.Precedence,
		order: len(fs.cands),
	})
}

// addMsg records a candidate finding with its message made.
func (fs *fileScan) addMsg(rule string, pos, end token.Pos, msg string, stack bool) {
	if !fs.ruleAllows(rule) {
		return
	}
	r := fs.s.Rule(rule)
	if r == nil {
		return
	}
	fs.cands = append(fs.cands, candidate{rule: rule, pos: pos, end: end, msg: msg, prec: r.Precedence, order: len(fs.cands), stack: stack})
}

// finish keeps one finding per location (the rule of highest precedence),
// applies the file's suppressions and reports what is left, then the
// problems of the directives.
func (fs *fileScan) finish() {
	byPrec := slices.Clone(fs.cands)
	slices.SortStableFunc(byPrec, func(a, b candidate) int {
		return cmp.Or(
			cmp.Compare(b.prec, a.prec),
			cmp.Compare(a.end-a.pos, b.end-b.pos),
			cmp.Compare(a.order, b.order),
		)
	})
	var kept []candidate
	for _, c := range byPrec {
		if c.stack || !slices.ContainsFunc(kept, func(k candidate) bool { return !k.stack && c.pos < k.end && k.pos < c.end }) {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b candidate) int { return cmp.Compare(a.pos, b.pos) })
	for _, c := range kept {
		if fs.dirs.Suppressed(c.rule, fs.tf.Line(c.pos)) {
			continue
		}
		fs.report(c.rule, c.pos, c.end, c.msg)
	}
	if fs.dirs.Len() == 0 || !fs.on[ruleSuppression] {
		return
	}
	enabled := func(id string) bool { return fs.s.Known(id) && !fs.s.Skip(id, fs.path) }
	for _, p := range fs.dirs.Problems(fs.s.Known, enabled) {
		pos := fs.tf.LineStart(p.Line) + token.Pos(p.Column-1)
		end := fs.dirEnd[[2]int{p.Line, p.Column}]
		fs.report(ruleSuppression, pos, end, fs.s.Message(ruleSuppression, "problem", p.Message))
	}
}

func (fs *fileScan) report(rule string, pos, end token.Pos, msg string) {
	if fs.prefix {
		msg = rule + ": " + msg
	}
	fs.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: msg})
}
