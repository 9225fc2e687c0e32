package analyzer

import (
	"go/ast"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/pipeline"
	"github.com/awsguard/secretlint/internal/ruleid"
	"github.com/awsguard/secretlint/internal/storeflow"
)

// Rule IDs the analyzer implements. Their texts live in rules.yaml.
const (
	ruleCredential  = ruleid.HardcodedCredential
	ruleToken       = ruleid.HardcodedToken
	ruleConn        = ruleid.CredentialInConnectionString
	ruleStaticAWS   = ruleid.StaticAWSCredentials
	ruleSuppression = ruleid.InvalidSuppression
)

// nodeTypes are the nodes the analyzer visits.
var nodeTypes = []ast.Node{
	(*ast.BasicLit)(nil),
	(*ast.BinaryExpr)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.CallExpr)(nil),
}

// fileScan is the state of one file.
type fileScan struct {
	pass   *analysis.Pass
	s      *config.Settings
	prefix bool // start messages with the rule ID
	suffix bool // end messages with " [rule-id]"
	// names caches the classification of identifiers for the files of a
	// pass.
	names map[string]match.Name
	file  *ast.File
	tf    *token.File
	path  string
	on    map[string]bool
	cands []pipeline.Candidate
	dirs  directive.Set
	// dirEnd maps a directive's line and column to the end of its comment.
	dirEnd map[[2]int]token.Pos
}

// scan runs the checks on the file, merges the store findings in it and
// reports what precedence and suppressions leave.
func (fs *fileScan) scan(fc inspector.Cursor, store []storeflow.Finding) {
	active := false
	for _, id := range append([]string{ruleCredential, ruleToken, ruleConn, ruleStaticAWS, ruleSuppression}, storeflow.Rules...) {
		fs.on[id] = !fs.s.Skip(id, fs.path)
		active = active || fs.on[id]
	}
	if !active {
		return
	}
	fs.comments()
	if fs.on[ruleCredential] || fs.on[ruleToken] || fs.on[ruleConn] || fs.on[ruleStaticAWS] {
		for c := range fc.Preorder(nodeTypes...) {
			fs.visit(c)
		}
	}
	for _, sf := range store {
		fs.addMsg(sf.Rule, sf.Pos, sf.End, sf.Message, sf.Independent)
	}
	fs.finish()
}

func (fs *fileScan) visit(c inspector.Cursor) {
	switch n := c.Node().(type) {
	case *ast.BasicLit:
		if n.Kind == token.STRING {
			fs.literal(c, n)
		}
	case *ast.BinaryExpr:
		switch n.Op {
		case token.ADD:
			fs.fold(c, n)
		case token.EQL, token.NEQ:
			fs.comparison(n)
		}
	case *ast.ValueSpec:
		fs.valueSpec(c, n)
	case *ast.AssignStmt:
		fs.assign(n)
	case *ast.CompositeLit:
		fs.staticAWSLit(n)
		fs.composite(n)
	case *ast.CallExpr:
		fs.staticAWSCall(n)
		fs.call(n)
	}
}

// classify classifies an identifier, caching the result for the pass.
func (fs *fileScan) classify(name string) match.Name {
	n, ok := fs.names[name]
	if !ok {
		n = fs.s.Matcher.ClassifyName(name)
		fs.names[name] = n
	}
	return n
}

// relPath returns the slash path that path rules and the test policy see:
// relative to the working directory cwd when the file lies below it.
func relPath(cwd, name string) string {
	if cwd != "" {
		if rel, err := filepath.Rel(cwd, name); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}
