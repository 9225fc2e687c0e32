package storeflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Shapes: the text a followed value is part of, as far as constants tell.

// shapeOf renders an operand of a concatenation: the followed value's
// shape, a constant, or a hole.
func shapeOf(x, v ssa.Value, shape string) string {
	if x == v {
		return shape
	}
	if s, ok := constString(x); ok {
		return s
	}
	return hole
}

// sprintfShape fills a format: argument elem is the followed value, other
// constant arguments are themselves, the rest are holes.
func sprintfShape(format string, args []ssa.Value, elem int, shape string) string {
	var b strings.Builder
	walkFormat(format, func(lit string) { b.WriteString(lit) }, func(arg int) {
		switch {
		case arg == elem:
			b.WriteString(shape)
		case arg < len(args) && args[arg] != nil:
			if s, ok := constString(unbox(args[arg])); ok {
				b.WriteString(s)
			} else {
				b.WriteString(hole)
			}
		default:
			b.WriteString(hole)
		}
	})
	return b.String()
}

func unbox(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// builderMethod reports whether fn is one of the named methods of
// strings.Builder.
func builderMethod(fn *types.Func, names ...string) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
		return false
	}
	ptr, ok := sig.Recv().Type().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	return ok && named.Obj().Name() == "Builder" && slices.Contains(names, fn.Name())
}

// builder follows a value written into a local strings.Builder b: the
// text the builder's String method returns is the writes in source order,
// constants as they are, the followed value as its shape, the rest holes.
func (w *walker) builder(b, v ssa.Value, st state) {
	alloc, ok := b.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil {
		return
	}
	type write struct {
		pos  token.Pos
		text string
	}
	var writes []write
	var results []*ssa.Call
	for _, ref := range *alloc.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok {
			continue
		}
		fn := staticFunc(call.Common())
		if fn == nil {
			continue
		}
		args := call.Common().Args
		switch {
		case builderMethod(fn, "String") && len(args) == 1:
			results = append(results, call)
		case builderMethod(fn, "WriteString", "Write") && len(args) == 2:
			text := hole
			if args[1] == v {
				text = mark
				if st.shape != "" {
					text = st.shape
				}
			} else if c, ok := constString(args[1]); ok {
				text = c
			}
			writes = append(writes, write{call.Pos(), text})
		case builderMethod(fn, "WriteByte", "WriteRune") && len(args) == 2:
			text := hole
			if c, ok := args[1].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
				if r, ok := constant.Int64Val(c.Value); ok {
					text = string(rune(r))
				}
			}
			writes = append(writes, write{call.Pos(), text})
		}
	}
	slices.SortFunc(writes, func(a, b write) int { return int(a.pos - b.pos) })
	var shape strings.Builder
	for _, wr := range writes {
		shape.WriteString(wr.text)
	}
	s := st
	s.shape = shape.String()
	for _, r := range results {
		w.value(r, s)
	}
}

// passwordInShape reports whether the followed value sits in the password
// of the connection string it is part of (or is the whole string).
func passwordInShape(sa *storeAnalysis, shape string) bool {
	if shape == mark {
		return true
	}
	if !strings.Contains(shape, mark) {
		return false
	}
	text := strings.ReplaceAll(shape, mark, markText)
	for _, c := range sa.s.Matcher.ConnStrings(text) {
		if strings.Contains(c.Password, markText) {
			return true
		}
	}
	return false
}

// qualified names a type as pkg.Name.
func qualified(n *types.Named) string {
	if n.Obj().Pkg() == nil {
		return n.Obj().Name()
	}
	return n.Obj().Pkg().Name() + "." + n.Obj().Name()
}
