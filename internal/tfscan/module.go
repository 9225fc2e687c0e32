package tfscan

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/awsguard/secretlint/internal/finding"
)

// tfFile is one parsed file of a module: a *.tf file or a *.tfvars file.
type tfFile struct {
	path string // path to open
	rel  string // slash path written into findings
	src  []byte
	body *hclsyntax.Body
	// lines are the byte offsets of the starts of lines.
	lines []int
}

// block is a top-level block of a module: a resource, data source,
// ephemeral resource, variable, provider, module call or output.
type block struct {
	kind, typ, name string
	b               *hclsyntax.Block
	f               *tfFile
}

// addr is the block's address as Terraform writes it.
func (b *block) addr() string {
	switch b.kind {
	case "resource":
		return b.typ + "." + b.name
	case "data", "ephemeral":
		return b.kind + "." + b.typ + "." + b.name
	case "module", "variable", "output":
		return b.kind + "." + b.name
	}
	return b.kind + " " + b.typ
}

// attr returns an attribute of the block's body, or nil.
func (b *block) attr(name string) *hclsyntax.Attribute {
	if b == nil || b.b == nil {
		return nil
	}
	return b.b.Body.Attributes[name]
}

// local is a locals entry.
type local struct {
	a *hclsyntax.Attribute
	f *tfFile
}

// module is the configuration of one directory.
type module struct {
	dir   string
	files []*tfFile
	// vars, locals, outputs and calls by name; refs by address
	// ("aws_db_instance.main", "data.aws_ssm_parameter.db").
	vars    map[string]*block
	locals  map[string]*local
	outputs map[string]*block
	calls   map[string]*block
	refs    map[string]*block
	// blocks are the resources, data sources, ephemeral resources and
	// providers in file order.
	blocks []*block
	// tfvars are the variable values of the *.tfvars files, by name.
	tfvars map[string][]*local
	vfiles []*tfFile
}

// moduleFiles lists the *.tf and *.tfvars files of a directory.
func moduleFiles(dir string) (tf, tfvars []string, err error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		switch n := e.Name(); {
		case strings.HasSuffix(n, ".tf"), strings.HasSuffix(n, ".tf.json"):
			tf = append(tf, filepath.Join(dir, n))
		case strings.HasSuffix(n, ".tfvars"), strings.HasSuffix(n, ".tfvars.json"):
			tfvars = append(tfvars, filepath.Join(dir, n))
		}
	}
	return tf, tfvars, nil
}

// load reads and parses the files of a module directory. Files that
// cannot be read or parsed become problems; what parses is kept.
func (sc *Scanner) load(dir string) (*module, []finding.Problem) {
	tfs, vars, err := moduleFiles(dir)
	if err != nil {
		return nil, []finding.Problem{{File: sc.rel(dir), Message: "cannot read directory: " + pathErr(err).Error()}}
	}
	m := &module{
		dir:     dir,
		vars:    map[string]*block{},
		locals:  map[string]*local{},
		outputs: map[string]*block{},
		calls:   map[string]*block{},
		refs:    map[string]*block{},
		tfvars:  map[string][]*local{},
	}
	var ps []finding.Problem
	for _, p := range tfs {
		f, perr := sc.parse(p)
		if perr != nil {
			ps = append(ps, *perr)
		}
		if f != nil {
			m.files = append(m.files, f)
			m.index(f)
		}
	}
	slices.Sort(vars)
	for _, p := range vars {
		f, perr := sc.parse(p)
		if perr != nil {
			ps = append(ps, *perr)
		}
		if f == nil {
			continue
		}
		m.vfiles = append(m.vfiles, f)
		for _, a := range sortedAttrs(f.body) {
			m.tfvars[a.Name] = append(m.tfvars[a.Name], &local{a: a, f: f})
		}
	}
	return m, ps
}

// index records the top-level blocks of a file.
func (m *module) index(f *tfFile) {
	for _, b := range f.body.Blocks {
		bl := &block{kind: b.Type, b: b, f: f}
		switch {
		case b.Type == "locals":
			for _, a := range sortedAttrs(b.Body) {
				m.locals[a.Name] = &local{a: a, f: f}
			}
			continue
		case len(b.Labels) == 2 && (b.Type == "resource" || b.Type == "data" || b.Type == "ephemeral"):
			bl.typ, bl.name = b.Labels[0], b.Labels[1]
			m.refs[bl.addr()] = bl
			m.blocks = append(m.blocks, bl)
		case len(b.Labels) == 1 && b.Type == "provider":
			bl.typ = b.Labels[0]
			m.blocks = append(m.blocks, bl)
		case len(b.Labels) == 1 && b.Type == "variable":
			bl.name = b.Labels[0]
			m.vars[bl.name] = bl
		case len(b.Labels) == 1 && b.Type == "output":
			bl.name = b.Labels[0]
			m.outputs[bl.name] = bl
		case len(b.Labels) == 1 && b.Type == "module":
			bl.name = b.Labels[0]
			m.calls[bl.name] = bl
		}
	}
}

// sortedAttrs returns a body's attributes in source order.
func sortedAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y *hclsyntax.Attribute) int { return x.SrcRange.Start.Byte - y.SrcRange.Start.Byte })
	return out
}

// byType returns the blocks of a kind and type, in file order.
func (m *module) byType(kind, typ string) []*block {
	var out []*block
	for _, b := range m.blocks {
		if b.kind == kind && b.typ == typ {
			out = append(out, b)
		}
	}
	return out
}

// childDir returns the directory of a module call with a local source, or "".
func (m *module) childDir(call *block) string {
	a := call.attr("source")
	if a == nil {
		return ""
	}
	src, ok := literalString(a.Expr)
	if !ok || !strings.HasPrefix(src, "./") && !strings.HasPrefix(src, "../") {
		return ""
	}
	return filepath.Join(m.dir, filepath.FromSlash(src))
}

// literalString returns the value of an expression that is a plain string.
func literalString(e hclsyntax.Expression) (string, bool) {
	switch x := e.(type) {
	case *hclsyntax.TemplateExpr:
		if len(x.Parts) == 1 {
			return literalString(x.Parts[0])
		}
		if len(x.Parts) == 0 {
			return "", true
		}
	case *hclsyntax.LiteralValueExpr:
		if v := x.Val; v.IsKnown() && !v.IsNull() && v.Type().FriendlyName() == "string" {
			return v.AsString(), true
		}
	}
	return "", false
}

// literalBool returns the value of an expression that is a plain bool.
func literalBool(e hclsyntax.Expression) (value, ok bool) {
	if x, is := e.(*hclsyntax.LiteralValueExpr); is && x.Val.IsKnown() && !x.Val.IsNull() && x.Val.Type().FriendlyName() == "bool" {
		return x.Val.True(), true
	}
	if s, is := literalString(e); is && (s == "true" || s == "false") {
		return s == "true", true
	}
	return false, false
}
