package cfn

import "go.yaml.in/yaml/v3"

// Limits of the evaluator. Depth alone does not bound the work: a
// mapping whose entries look themselves up with non-literal keys, or a
// `Fn::Select` over aliases of aliases, fans out exponentially at a small
// depth. Every evaluation therefore also counts its steps and its leaves,
// and every file its steps over all evaluations.
const (
	// MaxEvalDepth bounds the nesting of intrinsic functions and
	// references one evaluation follows (aliases do not count: they
	// cannot form cycles).
	MaxEvalDepth = 64
	// MaxEvalSteps bounds the nodes one evaluation visits.
	MaxEvalSteps = 20_000
	// MaxEvalLeaves bounds the values one evaluation returns.
	MaxEvalLeaves = 512
	// MaxFileSteps bounds the nodes all evaluations of one file visit.
	MaxFileSteps = 2_000_000
)

// Budget is the work budget of the evaluations of one file, shared by the
// templates of its documents.
type Budget struct {
	// Steps is the number of nodes visited so far.
	Steps int
	// Over is the first expression whose evaluation ran out of budget,
	// and Reason the limit it reached; nil while within budget.
	Over   *yaml.Node
	Reason string

	steps int    // nodes the current evaluation visited
	stop  bool   // the current evaluation ran out of budget
	why   string // the limit the current evaluation reached
}

// Exceeded reports whether an evaluation ran out of budget.
func (b *Budget) Exceeded() bool { return b != nil && b.Over != nil }

// begin starts an evaluation; it reports false when the file's budget is
// spent already.
func (b *Budget) begin() bool {
	b.steps, b.stop = 0, false
	return b.Steps <= MaxFileSteps
}

// step counts one node of an evaluation that has out leaves at depth, and
// reports whether the evaluation may go on.
func (b *Budget) step(depth, out int) bool {
	if b.stop {
		return false
	}
	b.steps++
	b.Steps++
	switch {
	case depth > MaxEvalDepth:
		b.why = "nesting deeper than the limit"
	case b.steps > MaxEvalSteps:
		b.why = "more steps than the limit per value"
	case out >= MaxEvalLeaves:
		b.why = "more possible values than the limit"
	case b.Steps > MaxFileSteps:
		b.why = "more steps than the limit per file"
	default:
		return true
	}
	b.stop = true
	return false
}

// end finishes the evaluation of n, recording it when it ran out of
// budget first.
func (b *Budget) end(n *yaml.Node) {
	if b.stop && b.Over == nil {
		b.Over, b.Reason = n, b.why
	}
}
