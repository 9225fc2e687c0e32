package storeflow

import (
	"fmt"
	"go/token"
	"strings"
)

// storeFact summarises what a function does with secrets, so that a
// helper in one package and a sink in another still connect.
type storeFact struct {
	// Params says where each parameter's value goes (receiver excluded).
	Params []paramFlow
	// Source is set when the function returns a value read from a store.
	Source *sourceInfo
	// NameParam is the parameter that names the parameter read (Source
	// names it with a hole), or -1.
	NameParam int
	// Fetch, when set, is the quoted name of the secret the function
	// fetches from its store without a cache.
	Fetch string
}

// AFact marks storeFact as a fact.
func (*storeFact) AFact() {}

func (f *storeFact) String() string {
	var parts []string
	if f.Source != nil {
		parts = append(parts, fmt.Sprintf("source(%s)", f.Source.Name.quoted()))
	}
	if f.NameParam >= 0 {
		parts = append(parts, fmt.Sprintf("name=param%d", f.NameParam))
	}
	for _, p := range f.Params {
		if p.DB != nil {
			parts = append(parts, fmt.Sprintf("param%d->%s", p.Index, p.DB.Desc))
		}
		if p.Log != nil {
			parts = append(parts, fmt.Sprintf("param%d->%s", p.Index, p.Log.Desc))
		}
		if p.Returned {
			parts = append(parts, fmt.Sprintf("param%d->return", p.Index))
		}
	}
	if f.Fetch != "" {
		parts = append(parts, "fetch")
	}
	return "store(" + strings.Join(parts, ", ") + ")"
}

// empty reports whether a summary tells importers nothing: parameters
// that are only returned matter inside the package alone.
func (f *storeFact) empty() bool {
	if f.Source != nil || f.Fetch != "" {
		return false
	}
	for _, p := range f.Params {
		if p.DB != nil || p.Log != nil {
			return false
		}
	}
	return true
}

// paramFlow is where a parameter's value goes.
type paramFlow struct {
	Index    int
	DB, Log  *sinkInfo
	Returned bool
	// Shape is the returned text with mark for the parameter, or "".
	Shape string
}

// sinkInfo names a sink for messages.
type sinkInfo struct {
	Desc     string // sql.Open, log.Printf, field Passwd of mysql.Config
	Where    string // store.go:42, set on export
	Password bool   // the value sits in the credential's place
	pos      token.Pos
}

// sourceInfo describes the store value a function returns.
type sourceInfo struct {
	Store    int
	Name     nameTmpl
	Path     bool
	Decrypt  bool
	Reported bool // the read was reported where it happens
	Secret   bool // the value is a secret (for secret-logged)
	DB       *sinkInfo
}

// pkgFact marks packages with store facts: importers build SSA.
type pkgFact struct{}

// AFact marks pkgFact as a fact.
func (*pkgFact) AFact() {}

func (*pkgFact) String() string { return "storeFacts" }
