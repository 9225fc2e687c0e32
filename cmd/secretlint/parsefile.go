package main

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// parseGoFile parses a file for go/packages without object resolution:
// nothing here reads ast.Object (types.Info has what the analyzers
// need), and the resolver gives up on a file nested more than 1,000
// scopes deep, which lost every finding of valid Go. The parser's own
// nesting limit (100,000) still holds.
func parseGoFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}
