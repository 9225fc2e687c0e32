package storeflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/awsguard/secretlint/internal/exprtext"
)

// uncached reports a fetch inside a loop or an HTTP handler.
func (sa *storeAnalysis) uncached(fn *ssa.Function, call *ssa.Call, param string) {
	ce := sa.calls[call.Pos()]
	if ce == nil {
		return
	}
	callText := exprtext.Of(ce.Fun)
	if sa.inLoop(fn, call.Block()) {
		sa.report(ruleUncached, call.Pos(), sa.s.MessageAs(ruleUncached, "", "call", callText, "param", param))
		return
	}
	if h := handlerName(fn); h != "" {
		sa.report(ruleUncached, call.Pos(), sa.s.MessageAs(ruleUncached, "handler", "call", callText, "param", param, "handler", h))
	}
}

func (sa *storeAnalysis) inLoopOrHandler(fn *ssa.Function, call *ssa.Call) bool {
	return sa.inLoop(fn, call.Block()) || handlerName(fn) != ""
}

// inLoop reports whether block b lies on a cycle of fn's control flow.
func (sa *storeAnalysis) inLoop(fn *ssa.Function, b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	m, ok := sa.loops[fn]
	if !ok {
		m = map[*ssa.BasicBlock]bool{}
		sa.loops[fn] = m
	}
	in, ok := m[b]
	if ok {
		return in
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			in = true
			break
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	m[b] = in
	return in
}

// handlerName returns the name of the HTTP handler fn is (or is inside),
// or "".
func handlerName(fn *ssa.Function) string {
	for f := fn; f != nil; f = f.Parent() {
		params := f.Signature.Params()
		w, r := false, false
		for i := 0; i < params.Len(); i++ {
			t := params.At(i).Type()
			w = w || namedFrom(t, "ResponseWriter", "net/http")
			_, isPtr := types.Unalias(t).(*types.Pointer)
			r = r || isPtr && namedFrom(t, "Request", "net/http")
		}
		if w && r {
			for g := f; g != nil; g = g.Parent() {
				if g.Parent() == nil {
					return g.Name()
				}
			}
		}
	}
	return ""
}
