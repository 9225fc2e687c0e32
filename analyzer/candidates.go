package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/pipeline"
)

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
	fs.addMsg(rule, pos, end, fs.s.Message(rule, args...), false)
}

// addMsg records a candidate finding with its message made. Independent
// candidates (a log call, a fetch in a loop) do not compete for their
// location with the other rules.
func (fs *fileScan) addMsg(rule string, pos, end token.Pos, msg string, independent bool) {
	if !fs.ruleAllows(rule) {
		return
	}
	c := pipeline.Candidate{
		Rule:        rule,
		Start:       fs.tf.Offset(pos),
		End:         fs.tf.Offset(pos),
		Line:        fs.tf.Line(pos),
		Message:     msg,
		Independent: independent,
	}
	if end > pos && int(end) <= fs.tf.Base()+fs.tf.Size() {
		c.End = fs.tf.Offset(end)
	}
	fs.cands = append(fs.cands, c)
}

// finish resolves the file's candidates through the pipeline (one finding
// per location, suppressions, directive problems) and reports them.
func (fs *fileScan) finish() {
	cs := pipeline.Resolve(fs.cands, pipeline.Precedence(fs.s.Catalogue))
	cs = pipeline.Suppress(cs, &fs.dirs)
	cs = append(cs, pipeline.DirectiveProblems(&fs.dirs, fs.path, fs.s, fs.s, func(p directive.Problem) pipeline.Candidate {
		pos := fs.tf.LineStart(p.Line) + token.Pos(p.Column-1)
		c := pipeline.Candidate{Start: fs.tf.Offset(pos), End: fs.tf.Offset(pos), Line: p.Line}
		if end := fs.dirEnd[[2]int{p.Line, p.Column}]; end > pos {
			c.End = fs.tf.Offset(end)
		}
		return c
	})...)
	for _, c := range cs {
		if fs.s.Skip(c.Rule, fs.path) {
			continue
		}
		pos, end := fs.tf.Pos(c.Start), token.NoPos
		if c.End > c.Start {
			end = fs.tf.Pos(c.End)
		}
		fs.report(c.Rule, pos, end, c.Message)
	}
}

func (fs *fileScan) report(rule string, pos, end token.Pos, msg string) {
	if fs.prefix {
		msg = rule + ": " + msg
	}
	if fs.suffix {
		msg += " [" + rule + "]"
	}
	fs.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: msg})
}
