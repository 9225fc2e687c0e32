package storeflow

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Struct-tag loaders: a call to a Parameter Store loader
// (github.com/ianlopshire/go-ssm-config's Process and the like) given a
// path and a pointer to a struct whose fields are tagged ssm:"name"
// reads each tagged field's parameter under the path. The read is judged
// by the names, as a GetParameters of them.

// tagLoad reports a struct-tag loader call and tells whether it was one.
func (sa *storeAnalysis) tagLoad(fn *ssa.Function, call *ssa.Call) bool {
	c := call.Common()
	obj := staticFunc(c)
	if obj == nil || obj.Pkg() == nil || !strings.Contains(strings.ToLower(obj.Pkg().Path()), "ssm") {
		return false
	}
	var prefix nameTmpl
	var tags []string
	for _, a := range c.Args {
		if isString(a.Type()) && prefix == nil {
			prefix = sa.resolver(fn).name(a)
			continue
		}
		if ts := ssmTags(argType(a)); len(ts) > 0 {
			tags = ts
		}
	}
	if len(tags) == 0 {
		return false
	}
	var tell *verdict
	var told nameTmpl
	for _, t := range tags {
		n := concat(prefix, litName(t))
		if len(prefix) > 0 && !endsWithSlash(prefix) {
			n = concat(prefix, litName("/"+t))
		}
		v := sa.judge(n, false)
		if v.rule != "" && (tell == nil || v.rule == ruleDBParam && tell.rule != ruleDBParam) {
			vv := v
			tell, told = &vv, n
		}
	}
	if tell != nil {
		sa.report(tell.rule, call.Pos(), sa.s.MessageAs(tell.rule, "", "subject", tell.kind.Title.In(sa.s.Lang),
			"param", told.quoted(), "evidence", ""))
	}
	return true
}

// argType returns the type of an argument before its conversion to an
// interface.
func argType(v ssa.Value) types.Type {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X.Type()
	}
	return v.Type()
}

// ssmTags returns the ssm tags of the fields of the struct t points to.
func ssmTags(t types.Type) []string {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	for i := 0; i < st.NumFields(); i++ {
		if tag, ok := reflect.StructTag(st.Tag(i)).Lookup("ssm"); ok {
			if name, _, _ := strings.Cut(tag, ","); name != "" && name != "-" {
				out = append(out, name)
			}
		}
	}
	return out
}
