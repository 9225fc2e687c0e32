package storeflow

import (
	"go/build"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// Calls through interfaces. A call of an interface method (s.Get(ctx,
// name) on a params.Store) has no static callee. Its summary is made from
// the summaries of the interface's known implementations: the named
// types, declared in this package or in any package it imports directly
// or indirectly, whose method sets implement the interface. An
// implementation of this package is summarised from its body, one of
// another package by its fact; an implementation without a fact (an
// environment reader, a type of a package that never reaches a store SDK)
// does nothing with secrets.
//
// The implementations must agree, to keep precision: the call reads a
// store only when every known implementation returns a value read from
// the same store (all Parameter Store, or all Secrets Manager), and a
// parameter reaches a sink only when it does so in every implementation.
// One implementation that reads Parameter Store beside one that reads
// Secrets Manager or the environment makes the call say nothing. When
// every implementation reads Parameter Store under a different name, the
// call reads one of those names, and is judged as a GetParameters of all
// of them. Types declared in _test.go files are mocks and are not
// counted; an interface with no known implementation (its implementation
// lives in a package this one does not import) says nothing either.
// Interfaces of the standard library and of the AWS SDKs are left out:
// the SDKs' own interfaces are recognised by their input types.

// ifaceSummary is the merged summary of an interface method's
// implementations, and the names they read.
type ifaceSummary struct {
	sum   *storeFact
	names []nameTmpl
}

// invokeSummary returns the merged summary of the implementations of the
// interface method a call invokes, or nil.
func (sa *storeAnalysis) invokeSummary(c *ssa.CallCommon) *ifaceSummary {
	m := c.Method
	if m == nil || m.Pkg() == nil || stdPackage(m.Pkg().Path()) || sdkPath(m.Pkg().Path()) {
		return nil
	}
	if s, ok := sa.ifaces[m]; ok {
		return s
	}
	iface, _ := c.Value.Type().Underlying().(*types.Interface)
	if iface == nil || !sa.mayImplement(m.Name()) {
		sa.ifaces[m] = nil
		return nil
	}
	var sums []*storeFact
	settled := true
	for _, impl := range sa.implementations(iface, m) {
		s, ok := sa.implSummary(impl)
		settled = settled && ok
		sums = append(sums, s)
	}
	s := mergeImpls(sums)
	if settled { // a summary under construction (recursion) is not final
		sa.ifaces[m] = s
	}
	return s
}

// implSummary returns the summary of a method that implements an
// interface method: ok is false while its summary is being computed.
func (sa *storeAnalysis) implSummary(m *types.Func) (sum *storeFact, ok bool) {
	if m.Pkg() == sa.pass.Pkg {
		fn := sa.pkg.Prog.FuncValue(m)
		if fn == nil || fn.Blocks == nil {
			return nil, true
		}
		if sa.busy[fn] {
			return nil, false
		}
		return sa.info(fn), true
	}
	f := new(storeFact)
	if sa.pass.ImportObjectFact(m, f) {
		return f, true
	}
	return nil, true
}

// mayImplement reports whether a method of that name can have a summary
// that tells something: this package declares a method of the name, or a
// dependency exports a fact for one. It saves the search of the
// implementations for the many calls through interfaces that have
// nothing to do with secrets.
func (sa *storeAnalysis) mayImplement(name string) bool {
	if sa.methodNames == nil {
		sa.methodNames = map[string]bool{}
		for _, of := range sa.pass.AllObjectFacts() {
			if _, ok := of.Fact.(*storeFact); !ok {
				continue
			}
			if fn, ok := of.Object.(*types.Func); ok && fn.Type().(*types.Signature).Recv() != nil {
				sa.methodNames[fn.Name()] = true
			}
		}
		scope := sa.pass.Pkg.Scope()
		for _, n := range scope.Names() {
			if tn, ok := scope.Lookup(n).(*types.TypeName); ok {
				if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
					for i := 0; i < named.NumMethods(); i++ {
						sa.methodNames[named.Method(i).Name()] = true
					}
				}
			}
		}
	}
	return sa.methodNames[name]
}

// implementations returns the methods that implement interface method m
// of iface: the named types of this package and of the packages it
// imports that declare a method of m's name and implement iface, as
// values or pointers, in a stable order.
func (sa *storeAnalysis) implementations(iface *types.Interface, m *types.Func) []*types.Func {
	if sa.methodIndex == nil {
		sa.methodIndex = map[string][]*types.Named{}
		seen := map[*types.Package]bool{}
		var add func(p *types.Package)
		add = func(p *types.Package) {
			if seen[p] {
				return
			}
			seen[p] = true
			sa.indexTypes(p)
			for _, imp := range p.Imports() {
				add(imp)
			}
		}
		add(sa.pass.Pkg)
	}
	var out []*types.Func
	for _, named := range sa.methodIndex[m.Name()] {
		if !types.Implements(named, iface) && !types.Implements(types.NewPointer(named), iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(named, true, m.Pkg(), m.Name())
		if fn, ok := obj.(*types.Func); ok {
			out = append(out, fn)
		}
	}
	return out
}

// indexTypes adds the named types of a package, by the names of the
// methods they declare. Interfaces, generic types and the mocks of
// _test.go files are left out.
func (sa *storeAnalysis) indexTypes(p *types.Package) {
	if stdPackage(p.Path()) || sdkPath(p.Path()) {
		return
	}
	scope := p.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) || named.NumMethods() == 0 {
			continue
		}
		if p == sa.pass.Pkg && strings.HasSuffix(sa.pass.Fset.Position(tn.Pos()).Filename, "_test.go") {
			continue
		}
		for i := 0; i < named.NumMethods(); i++ {
			name := named.Method(i).Name()
			sa.methodIndex[name] = append(sa.methodIndex[name], named)
		}
	}
}

// mergeImpls merges the summaries of an interface method's
// implementations (nil: the implementation does nothing with secrets) by
// the agreement rule above.
func mergeImpls(sums []*storeFact) *ifaceSummary {
	if len(sums) == 0 {
		return nil
	}
	for _, s := range sums {
		if s == nil {
			return nil // one implementation does nothing with secrets
		}
	}
	first := sums[0]
	out := &storeFact{NameParam: first.NameParam, Fetch: first.Fetch}
	var names []nameTmpl
	if src := first.Source; src != nil {
		merged := *src
		for _, s := range sums {
			if s.Source == nil || s.Source.Store != src.Store {
				out.Source = nil
				names = nil
				break
			}
			merged.Reported = merged.Reported && s.Source.Reported
			merged.Secret = merged.Secret || s.Source.Secret
			merged.Decrypt = merged.Decrypt && s.Source.Decrypt
			merged.Path = merged.Path || s.Source.Path
			if merged.DB == nil {
				merged.DB = s.Source.DB
			}
			if s.NameParam != out.NameParam {
				out.NameParam = -1
			}
			if !slices.ContainsFunc(names, func(n nameTmpl) bool { return slices.Equal(n, s.Source.Name) }) {
				names = append(names, s.Source.Name)
			}
			out.Source = &merged
		}
	}
	for _, s := range sums {
		if s.Fetch == "" {
			out.Fetch = ""
		}
	}
	for _, p := range first.Params {
		if q, ok := agreedParam(p, sums); ok {
			out.Params = append(out.Params, q)
		}
	}
	if out.Source == nil && len(out.Params) == 0 {
		return nil
	}
	return &ifaceSummary{sum: out, names: names}
}

// agreedParam keeps what every implementation does with parameter p.
func agreedParam(p paramFlow, sums []*storeFact) (paramFlow, bool) {
	q := p
	for _, s := range sums[1:] {
		i := slices.IndexFunc(s.Params, func(o paramFlow) bool { return o.Index == p.Index })
		if i < 0 {
			return paramFlow{}, false
		}
		o := s.Params[i]
		if o.DB == nil {
			q.DB = nil
		}
		if o.Log == nil {
			q.Log = nil
		}
		if !o.Returned {
			q.Returned, q.Shape = false, ""
		}
		if o.Shape != q.Shape {
			q.Shape = ""
		}
	}
	return q, q.DB != nil || q.Log != nil || q.Returned
}

// stdPackages caches stdPackage.
var stdPackages sync.Map

// stdPackage reports whether an import path belongs to the standard
// library: its first element has no dot and GOROOT holds it (fixtures
// laid out GOPATH-style have dotless paths too).
func stdPackage(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	if v, ok := stdPackages.Load(path); ok {
		return v.(bool)
	}
	std := true
	if root := build.Default.GOROOT; root != "" {
		fi, err := os.Stat(filepath.Join(root, "src", filepath.FromSlash(path)))
		std = err == nil && fi.IsDir()
	}
	stdPackages.Store(path, std)
	return std
}

// sdkPath reports whether an import path belongs to the AWS SDKs.
func sdkPath(path string) bool { return strings.HasPrefix(path, "github.com/aws/") }
