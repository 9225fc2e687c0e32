package tfscan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// jnode is a JSON value with its byte span.
type jnode struct {
	kind       byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	start, end int
	str        string
	b          bool
	keys       []jkey
	elems      []*jnode
}

type jkey struct {
	name       string
	start, end int
	val        *jnode
}

// jsonParser reads JSON tokens with their offsets.
type jsonParser struct {
	src []byte
	dec *json.Decoder
}

func (p *jsonParser) next() (json.Token, int, error) {
	off := int(p.dec.InputOffset())
	for off < len(p.src) && strings.IndexByte(" \t\r\n,:", p.src[off]) >= 0 {
		off++
	}
	t, err := p.dec.Token()
	return t, off, err
}

func (p *jsonParser) value(t json.Token, start int, depth int) (*jnode, error) {
	if depth > 64 {
		return nil, errors.New("nested too deeply")
	}
	n := &jnode{start: start}
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			n.kind = 'o'
			for p.dec.More() {
				kt, ks, err := p.next()
				if err != nil {
					return nil, err
				}
				name, _ := kt.(string)
				ke := int(p.dec.InputOffset())
				vt, vs, err := p.next()
				if err != nil {
					return nil, err
				}
				val, err := p.value(vt, vs, depth+1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, jkey{name: name, start: ks, end: ke, val: val})
			}
		case '[':
			n.kind = 'a'
			for p.dec.More() {
				vt, vs, err := p.next()
				if err != nil {
					return nil, err
				}
				val, err := p.value(vt, vs, depth+1)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, val)
			}
		default:
			return nil, errors.New("unexpected " + v.String())
		}
		if _, _, err := p.next(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.kind, n.str = 's', v
	case json.Number:
		n.kind, n.str = 'n', v.String()
	case bool:
		n.kind, n.b = 'b', v
	case nil:
		n.kind = 'z'
	}
	n.end = int(p.dec.InputOffset())
	return n, nil
}

// parseJSONConfig turns a Terraform JSON file (*.tf.json, *.tfvars.json)
// into a native-syntax body with the file's byte offsets, so that the
// rest of the engine reads both alike. Strings are templates, as
// Terraform reads them; nested blocks of the rules (environment,
// inline_policy, statement, principals, condition) are blocks.
func parseJSONConfig(src []byte, filename string, tfvars bool) (*hclsyntax.Body, []jsonComment, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	p := &jsonParser{src: src, dec: dec}
	t, start, err := p.next()
	if err != nil {
		return nil, nil, err
	}
	root, err := p.value(t, start, 0)
	if err != nil {
		return nil, nil, err
	}
	if _, _, err := p.next(); !errors.Is(err, io.EOF) {
		return nil, nil, errors.New("data after the top-level object")
	}
	if root.kind != 'o' {
		return nil, nil, errors.New("the top level is not an object")
	}
	cs := jsonComments(root, nil)
	c := &jsonConv{src: src, file: filename, lines: lineStarts(src)}
	if tfvars {
		return c.body(root, false), cs, nil
	}
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: c.rng(root.start, root.end)}
	for _, k := range root.keys {
		labels := map[string]int{"resource": 2, "data": 2, "ephemeral": 2, "variable": 1, "output": 1, "module": 1, "provider": 1, "locals": 0}
		n, ok := labels[k.name]
		if !ok {
			continue
		}
		c.blocks(body, k, k.val, nil, n)
	}
	return body, cs, nil
}

// jsonComment is a string under a "//" key, Terraform JSON's comment: its
// span (quotes included) and the span of the object it is written in.
type jsonComment struct {
	text             string
	start, end       int
	objStart, objEnd int
}

// jsonComments gathers the "//" comments of every object under n, in
// source order; a comment may be a string or an array of strings.
func jsonComments(n *jnode, out []jsonComment) []jsonComment {
	switch n.kind {
	case 'o':
		for _, k := range n.keys {
			if k.name != "//" {
				out = jsonComments(k.val, out)
				continue
			}
			vs := []*jnode{k.val}
			if k.val.kind == 'a' {
				vs = k.val.elems
			}
			for _, v := range vs {
				if v.kind == 's' {
					out = append(out, jsonComment{text: v.str, start: v.start, end: v.end, objStart: n.start, objEnd: n.end})
				}
			}
		}
	case 'a':
		for _, e := range n.elems {
			out = jsonComments(e, out)
		}
	}
	return out
}

type jsonConv struct {
	src   []byte
	file  string
	lines []int
}

func (c *jsonConv) pos(off int) hcl.Pos {
	f := tfFile{lines: c.lines}
	l, col := f.pos(off)
	return hcl.Pos{Line: l, Column: col, Byte: off}
}

func (c *jsonConv) rng(s, e int) hcl.Range {
	return hcl.Range{Filename: c.file, Start: c.pos(s), End: c.pos(e)}
}

// blocks adds the blocks under a top-level key: n more labels to read.
func (c *jsonConv) blocks(body *hclsyntax.Body, k jkey, v *jnode, labels []string, n int) {
	if n > 0 {
		if v.kind != 'o' {
			return
		}
		for _, lk := range v.keys {
			c.blocks(body, k, lk.val, append(append([]string{}, labels...), lk.name), n-1)
		}
		return
	}
	bodies := []*jnode{v}
	if v.kind == 'a' {
		bodies = v.elems
	}
	for _, bn := range bodies {
		if bn.kind != 'o' {
			continue
		}
		body.Blocks = append(body.Blocks, &hclsyntax.Block{
			Type: k.name, Labels: labels, Body: c.body(bn, true),
			TypeRange: c.rng(k.start, k.end), LabelRanges: labelRanges(c.rng(k.start, k.end), len(labels)),
			OpenBraceRange: c.rng(bn.start, bn.start+1), CloseBraceRange: c.rng(bn.end-1, bn.end),
		})
	}
}

func labelRanges(r hcl.Range, n int) []hcl.Range {
	out := make([]hcl.Range, n)
	for i := range out {
		out[i] = r
	}
	return out
}

// nestedBlocks are the nested block types the rules read.
var nestedBlocks = map[string]bool{"environment": true, "inline_policy": true, "statement": true, "principals": true, "condition": true, "rotation_rules": true}

// body converts an object to a body; with nested set, keys of nested
// block types become blocks.
func (c *jsonConv) body(o *jnode, nested bool) *hclsyntax.Body {
	b := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: c.rng(o.start, o.end)}
	for _, k := range o.keys {
		if k.name == "//" {
			continue
		}
		if nested && nestedBlocks[k.name] && (k.val.kind == 'o' || k.val.kind == 'a') {
			c.blocks(b, k, k.val, nil, 0)
			continue
		}
		b.Attributes[k.name] = &hclsyntax.Attribute{
			Name: k.name, Expr: c.expr(k.val),
			SrcRange: c.rng(k.start, k.val.end), NameRange: c.rng(k.start, k.end),
		}
	}
	return b
}

// expr converts a JSON value to an expression.
func (c *jsonConv) expr(n *jnode) hclsyntax.Expression {
	r := c.rng(n.start, n.end)
	switch n.kind {
	case 's':
		start := c.pos(n.start + 1)
		if strings.Contains(n.str, "${") {
			if x, diags := hclsyntax.ParseTemplate([]byte(n.str), c.file, start); !diags.HasErrors() {
				return x
			}
		}
		lit := &hclsyntax.LiteralValueExpr{Val: cty.StringVal(n.str), SrcRange: c.rng(n.start+1, max(n.start+1, n.end-1))}
		return &hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{lit}, SrcRange: r}
	case 'b':
		return &hclsyntax.LiteralValueExpr{Val: cty.BoolVal(n.b), SrcRange: r}
	case 'n':
		if v, err := cty.ParseNumberVal(n.str); err == nil {
			return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
		}
	case 'o':
		o := &hclsyntax.ObjectConsExpr{SrcRange: r, OpenRange: c.rng(n.start, n.start+1)}
		for _, k := range n.keys {
			key := &hclsyntax.LiteralValueExpr{Val: cty.StringVal(k.name), SrcRange: c.rng(k.start, k.end)}
			o.Items = append(o.Items, hclsyntax.ObjectConsItem{KeyExpr: &hclsyntax.ObjectConsKeyExpr{Wrapped: key}, ValueExpr: c.expr(k.val)})
		}
		return o
	case 'a':
		t := &hclsyntax.TupleConsExpr{SrcRange: r, OpenRange: c.rng(n.start, n.start+1)}
		for _, e := range n.elems {
			t.Exprs = append(t.Exprs, c.expr(e))
		}
		return t
	}
	return &hclsyntax.LiteralValueExpr{Val: cty.NullVal(cty.DynamicPseudoType), SrcRange: r}
}
