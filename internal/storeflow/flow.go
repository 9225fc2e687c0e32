package storeflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// mark stands for the followed value inside a shape: the text a value is
// part of (a DSN built with fmt.Sprintf or +), with its other parts
// replaced by hole when they are not constant.
const (
	mark     = "\x00"
	hole     = "hx"
	markText = "Kx7qWm2vZp"
)

// state is what the walker knows of a followed value.
type state struct {
	// container is set while the value is an SDK output (or part of one)
	// that holds parameters or secrets, before their Value is reached.
	container bool
	// shape is the text the value is part of, with mark where it sits;
	// "" when the value was transformed beyond recognition.
	shape string
	// idx is the position of the name the value was read under, for
	// GetParameters; -1 when unknown.
	idx int
	// hop is the first call in the origin's function the value went
	// through on its way to a sink outside it.
	hop token.Pos
}

// evKind is the kind of a flow event.
type evKind int

const (
	evDB evKind = iota + 1
	evLog
	evReturn
)

// event is something a followed value reaches.
type event struct {
	kind     evKind
	sink     *sinkInfo
	password bool
	idx      int
	// pos is the position of the sink when it is in the analysed package;
	// hop the call in the origin's function that leads to it.
	pos, hop token.Pos
	// shape is the returned text, for evReturn.
	shape string
}

// walker follows one value forward through SSA: loads, conversions,
// fields of local structs, string building, calls with known effects and
// the summaries of called functions.
type walker struct {
	sa     *storeAnalysis
	seen   map[walkKey]bool
	events []event
	budget int
}

type walkKey struct {
	v         ssa.Value
	container bool
	idx       int
	shape     string
}

func (sa *storeAnalysis) walk(v ssa.Value, st state) []event {
	w := &walker{sa: sa, seen: map[walkKey]bool{}, budget: 4000}
	w.value(v, st)
	return w.events
}

func (w *walker) emit(e event) { w.events = append(w.events, e) }

func (w *walker) value(v ssa.Value, st state) {
	if v == nil {
		return
	}
	k := walkKey{v, st.container, st.idx, st.shape}
	if w.seen[k] || w.budget <= 0 {
		return
	}
	w.seen[k] = true
	w.budget--
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		if st.container {
			w.containerUse(v, ref, st)
		} else {
			w.valueUse(v, ref, st)
		}
	}
}

// containerUse follows an SDK output towards the values it holds.
func (w *walker) containerUse(v ssa.Value, ref ssa.Instruction, st state) {
	switch r := ref.(type) {
	case *ssa.FieldAddr:
		w.field(r, r.X.Type(), r.Field, st)
	case *ssa.Field:
		w.field(r, r.X.Type(), r.Field, st)
	case *ssa.UnOp:
		if r.Op == token.MUL {
			w.value(r, st)
		}
	case *ssa.IndexAddr:
		w.value(r, st.at(r.Index))
	case *ssa.Index:
		w.value(r, st.at(r.Index))
	case *ssa.Slice, *ssa.Phi, *ssa.ChangeType:
		w.value(r.(ssa.Value), st)
	case *ssa.Extract:
		// The output; for v1's Request form (req, out) the second.
		if r.Index == 0 || isSDKType(r.Type(), pkgV1SSM, pkgV1SM) {
			w.value(r, st)
		}
	case *ssa.Store:
		// A range variable or a copy kept in a local.
		if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v {
			w.value(a, st)
		}
	case *ssa.Call:
		// A paginator's NextPage gives more output.
		w.containerCall(v, r, st)
	}
}

// at narrows a container state to an element index when it is constant.
func (st state) at(index ssa.Value) state {
	if c, ok := index.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int && st.idx < 0 {
		if i, ok := constant.Int64Val(c.Value); ok {
			st.idx = int(i)
		}
	}
	return st
}

func (w *walker) field(r ssa.Value, x types.Type, i int, st state) {
	named, name := structField(x, i)
	if named == nil {
		return
	}
	switch {
	case valueField(named, name):
		st.container = false
		st.shape = mark
		w.value(r, st)
	case containerField(named, name):
		w.value(r, st)
	}
}

func (w *walker) containerCall(v ssa.Value, call *ssa.Call, st state) {
	fn := staticFunc(call.Common())
	if fn == nil {
		return
	}
	sig, _ := fn.Type().(*types.Signature)
	// A paginator's NextPage gives more output; a v2 request before 1.0
	// gives its output when sent.
	if (fn.Name() == "NextPage" || fn.Name() == "Send") && sig != nil && sig.Recv() != nil && isSDKType(sig.Recv().Type(), pkgV2SSM, pkgV2SM) {
		w.value(call, st)
	}
}

// valueUse follows a secret value.
func (w *walker) valueUse(v ssa.Value, ref ssa.Instruction, st state) {
	switch r := ref.(type) {
	case *ssa.UnOp:
		if r.Op == token.MUL {
			w.value(r, st)
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi, *ssa.Slice:
		w.value(r.(ssa.Value), st)
	case *ssa.TypeAssert:
		w.value(r, st)
	case *ssa.Extract:
		if !isError(r.Type()) { // the error beside a value is not the value
			w.value(r, st)
		}
	case *ssa.BinOp:
		if r.Op != token.ADD {
			return
		}
		s := st
		if st.shape != "" {
			x, y := shapeOf(r.X, v, st.shape), shapeOf(r.Y, v, st.shape)
			s.shape = x + y
		}
		w.value(r, s)
	case *ssa.Store:
		if r.Val == v {
			w.store(r, st)
		}
	case *ssa.Return:
		w.emit(event{kind: evReturn, idx: st.idx, hop: st.hop, shape: st.shape})
	case *ssa.Call:
		w.call(v, r, st)
	}
}

// store follows a value stored into a variable, a struct field or a
// variadic argument.
func (w *walker) store(s *ssa.Store, st state) {
	switch a := s.Addr.(type) {
	case *ssa.Alloc:
		for _, ref := range *a.Referrers() {
			if l, ok := ref.(*ssa.UnOp); ok && l.Op == token.MUL {
				w.value(l, st)
			}
		}
	case *ssa.FieldAddr:
		named, field := structField(a.X.Type(), a.Field)
		if named != nil {
			if w.sa.passwordField(named, field) {
				w.emit(event{kind: evDB, password: true, idx: st.idx, pos: s.Pos(), hop: st.hop,
					sink: &sinkInfo{Desc: "field " + field + " of " + qualified(named), pos: s.Pos()}})
				return
			}
		}
		// Loads of the same field of the same struct.
		if refs := a.X.Referrers(); refs != nil {
			for _, ref := range *refs {
				fa, ok := ref.(*ssa.FieldAddr)
				if !ok || fa.Field != a.Field {
					continue
				}
				for _, r2 := range *fa.Referrers() {
					if l, ok := r2.(*ssa.UnOp); ok && l.Op == token.MUL {
						w.value(l, st)
					}
				}
			}
			// The whole struct given to a logger.
			w.holder(a.X, st)
		}
	case *ssa.IndexAddr:
		arr, ok := a.X.(*ssa.Alloc)
		if !ok {
			return
		}
		elem := -1
		if c, ok := a.Index.(*ssa.Const); ok {
			if i, ok := constant.Int64Val(c.Value); ok {
				elem = int(i)
			}
		}
		for _, ref := range *arr.Referrers() {
			sl, ok := ref.(*ssa.Slice)
			if !ok {
				continue
			}
			for _, r2 := range *sl.Referrers() {
				if call, ok := r2.(*ssa.Call); ok {
					w.variadic(sl, elem, call, st)
				}
			}
		}
	}
}

// holder reports a struct holding the value when it is logged whole.
func (w *walker) holder(x ssa.Value, st state) {
	refs := x.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		var y ssa.Value
		switch r := ref.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				y = r
			}
		case *ssa.MakeInterface:
			y = r
		}
		if y == nil {
			continue
		}
		s := st
		s.shape = ""
		for _, r2 := range *y.Referrers() {
			if mi, ok := r2.(*ssa.MakeInterface); ok {
				w.logOnly(mi, s)
			}
		}
		if _, ok := y.(*ssa.MakeInterface); ok {
			w.logOnly(y, s)
		}
	}
}

// logOnly follows a value that carries the secret only as part of a
// larger whole: it counts for log sinks, not for DB sinks.
func (w *walker) logOnly(v ssa.Value, st state) {
	for _, ref := range *v.Referrers() {
		s, ok := ref.(*ssa.Store)
		if !ok || s.Val != v {
			continue
		}
		ia, ok := s.Addr.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		arr, ok := ia.X.(*ssa.Alloc)
		if !ok {
			continue
		}
		for _, r2 := range *arr.Referrers() {
			sl, ok := r2.(*ssa.Slice)
			if !ok {
				continue
			}
			for _, r3 := range *sl.Referrers() {
				call, ok := r3.(*ssa.Call)
				if !ok {
					continue
				}
				if fn := staticFunc(call.Common()); fn != nil {
					if name, ok := logSink(fn, call.Common().Args); ok {
						w.emit(event{kind: evLog, idx: st.idx, pos: call.Pos(), hop: hopOr(st.hop, call.Pos()),
							sink: &sinkInfo{Desc: name, pos: call.Pos()}})
					}
				}
			}
		}
	}
}

func hopOr(hop, pos token.Pos) token.Pos {
	if hop.IsValid() {
		return hop
	}
	return pos
}

// variadic follows a value passed as element elem of a call's variadic
// argument slice sl.
func (w *walker) variadic(sl ssa.Value, elem int, call *ssa.Call, st state) {
	c := call.Common()
	fn := staticFunc(c)
	if fn == nil {
		return
	}
	args := c.Args
	if len(args) == 0 || args[len(args)-1] != sl {
		return
	}
	hop := hopOr(st.hop, call.Pos())
	if name, ok := logSink(fn, args); ok {
		w.emit(event{kind: evLog, idx: st.idx, pos: call.Pos(), hop: hop, sink: &sinkInfo{Desc: name, pos: call.Pos()}})
		return
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && (fn.Name() == "Sprintf" || fn.Name() == "Sprint" || fn.Name() == "Sprintln") {
		s := st
		if fn.Name() == "Sprintf" && len(args) == 2 && st.shape != "" && elem >= 0 {
			if format, ok := constString(args[0]); ok {
				s.shape = sprintfShape(format, sliceElems(sl), elem, st.shape)
			} else {
				s.shape = ""
			}
		} else {
			s.shape = ""
		}
		w.value(call, s)
		return
	}
	if passThrough(fn) {
		w.value(call, st)
	}
}

// call follows a value passed to a call.
func (w *walker) call(v ssa.Value, call *ssa.Call, st state) {
	c := call.Common()
	fn := staticFunc(c)
	hop := hopOr(st.hop, call.Pos())
	if fn == nil {
		return
	}
	args := c.Args
	off := 0
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil && !c.IsInvoke() {
		off = 1
	}
	for i, a := range args {
		if a != v {
			continue
		}
		pi := i - off
		if name, ok := logSink(fn, args); ok && pi >= 0 {
			w.emit(event{kind: evLog, idx: st.idx, pos: call.Pos(), hop: hop, sink: &sinkInfo{Desc: name, pos: call.Pos()}})
			continue
		}
		if s, ok := dbFunc(fn); ok && s.arg == i {
			pw := !s.dsn || st.shape != "" && passwordInShape(w.sa, st.shape)
			w.emit(event{kind: evDB, password: pw, idx: st.idx, pos: call.Pos(), hop: hop,
				sink: &sinkInfo{Desc: fn.Pkg().Name() + "." + fn.Name(), Password: pw, pos: call.Pos()}})
			continue
		}
		if passThrough(fn) {
			w.value(call, st)
			continue
		}
		if pi == 0 && builderMethod(fn, "WriteString", "Write") {
			w.builder(args[0], v, st)
			continue
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "encoding/json" && fn.Name() == "Unmarshal" && i == 0 && len(args) == 2 {
			w.unmarshal(args[1], st)
			continue
		}
		if pi < 0 {
			continue
		}
		sum := w.sa.summaryOf(c)
		if sum == nil {
			continue
		}
		for _, p := range sum.Params {
			if p.Index != pi {
				continue
			}
			if p.DB != nil {
				w.emit(event{kind: evDB, password: p.DB.Password, idx: st.idx, pos: p.DB.pos, hop: hop, sink: p.DB})
			}
			if p.Log != nil {
				w.emit(event{kind: evLog, idx: st.idx, pos: p.Log.pos, hop: hop, sink: p.Log})
			}
			if p.Returned {
				s := st
				s.hop = hop
				s.shape = ""
				if p.Shape != "" && st.shape != "" {
					s.shape = strings.ReplaceAll(p.Shape, mark, st.shape)
				}
				w.value(call, s)
			}
		}
	}
}

// unmarshal follows a secret decoded into a struct: its credential fields
// hold the secret.
func (w *walker) unmarshal(target ssa.Value, st state) {
	if mi, ok := target.(*ssa.MakeInterface); ok {
		target = mi.X
	}
	refs := target.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		_, field := structField(fa.X.Type(), fa.Field)
		if !w.sa.classify(field).Credential() {
			continue
		}
		s := st
		s.shape = mark
		for _, r2 := range *fa.Referrers() {
			if l, ok := r2.(*ssa.UnOp); ok && l.Op == token.MUL {
				w.value(l, s)
			}
		}
	}
}

// isError reports whether t is the error interface.
func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
