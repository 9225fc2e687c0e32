package analyzer

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// String literals, folded constants and comments: tokens
// (hardcoded-token) and connection strings
// (credential-in-connection-string) in any text.

// minScanLen is the shortest string value worth giving to the token
// detectors and connection-string parsers.
const minScanLen = 8

// literal scans a string literal for tokens and connection strings.
func (fs *fileScan) literal(c inspector.Cursor, lit *ast.BasicLit) {
	if len(lit.Value) < minScanLen+2 {
		return
	}
	switch c.ParentEdgeKind() {
	case edge.ImportSpec_Path, edge.Field_Tag:
		return
	}
	body, exact := literalBody(lit)
	fs.scanText(body, exact, lit.Pos()+1, lit.Pos(), lit.End(), func() string { return fs.exprPlace(c) }, nil)
}

// literalBody returns the value of a string literal and whether its bytes
// are the source bytes after the opening quote (no escapes, no carriage
// returns), so that offsets in the value are offsets in the source.
func literalBody(lit *ast.BasicLit) (string, bool) {
	raw := lit.Value
	if len(raw) >= 2 {
		inner := raw[1 : len(raw)-1]
		switch raw[0] {
		case '`':
			if !strings.Contains(inner, "\r") {
				return inner, true
			}
		case '"':
			if !strings.Contains(inner, `\`) {
				return inner, true
			}
		}
	}
	v, err := strconv.Unquote(raw)
	if err != nil {
		return "", false
	}
	return v, false
}

// fold scans the value of a constant string concatenation: a token or a
// connection string may be split over its operands.
func (fs *fileScan) fold(c inspector.Cursor, bin *ast.BinaryExpr) {
	if p, ok := c.Parent().Node().(*ast.BinaryExpr); ok && p.Op == token.ADD {
		return // only the outermost +
	}
	v, ok := fs.constString(bin)
	if !ok || len(v) < minScanLen {
		return
	}
	// A token or connection string that a named constant holds whole is
	// reported where the constant is declared, not at every use.
	named := fs.namedConstValues(bin)
	inNamed := func(found string) bool {
		for _, n := range named {
			if strings.Contains(n, found) {
				return true
			}
		}
		return false
	}
	fs.scanText(v, false, 0, bin.Pos(), bin.End(), func() string { return fs.exprPlace(c) }, inNamed)
}

// namedConstValues returns the values of the named constants among the
// operands of a concatenation.
func (fs *fileScan) namedConstValues(e ast.Expr) []string {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return append(fs.namedConstValues(e.X), fs.namedConstValues(e.Y)...)
	case *ast.Ident, *ast.SelectorExpr:
		if v, ok := fs.constString(e); ok {
			return []string{v}
		}
	}
	return nil
}

// scanText reports the tokens and connection strings in text. When exact,
// offsets in text are offsets from base; else findings cover [pos, end).
//
// skip, when set, drops the findings whose text it reports.
func (fs *fileScan) scanText(text string, exact bool, base, pos, end token.Pos, place func() string, skip func(string) bool) {
	at := func(s, e int) (token.Pos, token.Pos) {
		if exact {
			return base + token.Pos(s), base + token.Pos(e)
		}
		return pos, end
	}
	var pl string
	placeOnce := func() string {
		if pl == "" {
			pl = place()
		}
		return pl
	}
	for _, t := range fs.s.Matcher.Tokens(text) {
		if !fs.ruleAllows(t.Rule) || skip != nil && skip(text[t.Start:t.End]) {
			continue
		}
		p, e := at(t.Start, t.End)
		fs.add(t.Rule, p, e, "detector", t.Title, "place", placeOnce())
	}
	if fs.on[ruleConn] {
		for _, cs := range fs.s.Matcher.ConnStrings(text) {
			if skip != nil && skip(text[cs.Start:cs.End]) {
				continue
			}
			p, e := at(cs.Start, cs.End)
			fs.add(ruleConn, p, e, "scheme", cs.Scheme, "place", placeOnce())
		}
	}
}

// comments collects the suppression directives and scans every other
// comment for tokens.
func (fs *fileScan) comments() {
	fs.dirEnd = map[[2]int]token.Pos{}
	for _, cg := range fs.file.Comments {
		for _, c := range cg.List {
			if d, ok := parseDirective(c.Text); ok {
				p := fs.tf.Position(c.Pos())
				d.Line, d.Column, d.EndLine = p.Line, p.Column, fs.tf.Line(c.End())
				fs.dirs.Add(d)
				fs.dirEnd[[2]int{p.Line, p.Column}] = c.End()
				continue
			}
			if !fs.s.Matcher.MayHaveTokens(c.Text) {
				continue
			}
			for _, t := range fs.s.Matcher.Tokens(c.Text) {
				fs.add(t.Rule, c.Pos()+token.Pos(t.Start), c.Pos()+token.Pos(t.End),
					"detector", t.Title, "place", fs.place(placeComment))
			}
		}
	}
}
