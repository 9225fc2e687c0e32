package yamlscan

import (
	"encoding/base64"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// visit checks node n and everything below it. Aliases are never followed:
// an anchored node is checked once, where it is defined, so alias bombs
// cost nothing.
func (f *fileScan) visit(n *yaml.Node) {
	if n.Line > f.maxLine {
		f.maxLine = n.Line
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			f.visit(c)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			f.path = append(f.path, seg{index: i})
			if c.Kind == yaml.ScalarNode {
				f.envItem(c)
			}
			f.visit(c)
			f.path = f.path[:len(f.path)-1]
		}
	case yaml.MappingNode:
		f.mapping(n)
	case yaml.ScalarNode:
		f.scalar(n, false)
	}
}

// mapping checks the pairs of a mapping: each key, and each value under
// the name its key (or env var name) gives it.
func (f *fileScan) mapping(n *yaml.Node) {
	parent := f.lastKey()
	envMap := isEnvKey(parent)
	secretData := f.secret && len(f.path) == 1 && parent == "data"
	env := envName(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode {
			f.scalar(k, true)
		} else {
			f.visit(k)
		}
		f.path = append(f.path, seg{key: k.Value, isKey: true})
		if k.Kind == yaml.ScalarNode {
			target := v
			if v.Kind == yaml.AliasNode && v.Alias != nil && v.Alias.Kind == yaml.ScalarNode {
				// A scalar alias cannot explode: judge the anchored value
				// under this key, at the place it is written.
				target = v.Alias
			}
			switch {
			case target.Kind != yaml.ScalarNode:
			case secretData:
				f.secretData(k, target)
			case env != nil && isValueKey(k.Value) && target != env:
				f.named(env.Value, false, target, 0, len(target.Value))
			default:
				f.named(k.Value, !envMap, target, 0, len(target.Value))
			}
		}
		f.visit(v)
		f.path = f.path[:len(f.path)-1]
	}
}

// lastKey returns the key the current node is the value of, or "".
func (f *fileScan) lastKey() string {
	if len(f.path) == 0 || !f.path[len(f.path)-1].isKey {
		return ""
	}
	return f.path[len(f.path)-1].key
}

// isEnvKey reports whether a key holds environment variables, whose names
// are read alone, without the parent keys (compose `environment`, GitHub
// Actions `env`, Lambda `Variables`).
func isEnvKey(k string) bool {
	for _, e := range envKeys {
		if strings.EqualFold(k, e) {
			return true
		}
	}
	return false
}

var envKeys = []string{"env", "environment", "variables", "environmentvariables", "envvars", "vars"}

// envName returns the value node of the `name` key of a mapping that also
// has a `value` key: a Kubernetes or ECS env entry, `{name: DB_PASSWORD,
// value: …}` (any case). It returns nil for a CodeBuild variable whose
// value is a reference.
func envName(n *yaml.Node) *yaml.Node {
	var name *yaml.Node
	hasValue := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		switch {
		case strings.EqualFold(k.Value, "name") || strings.EqualFold(k.Value, "parameterKey"):
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode {
				name = v
			}
		case isValueKey(k.Value):
			hasValue = true
		case strings.EqualFold(k.Value, "type"):
			// CodeBuild: the value of a PARAMETER_STORE or SECRETS_MANAGER
			// variable names where the secret is, it is not the secret.
			if v := n.Content[i+1].Value; strings.EqualFold(v, "PARAMETER_STORE") || strings.EqualFold(v, "SECRETS_MANAGER") {
				return nil
			}
		}
	}
	if !hasValue {
		return nil
	}
	return name
}

func isValueKey(k string) bool {
	return strings.EqualFold(k, "value") || strings.EqualFold(k, "parameterValue")
}

// envItem checks a `KEY=value` sequence item (docker-compose environment
// lists, .env-like lists, `--db-password=…` arguments).
func (f *fileScan) envItem(n *yaml.Node) {
	v := n.Value
	eq := strings.IndexByte(v, '=')
	if eq <= 0 {
		return
	}
	name := strings.TrimLeft(v[:eq], "-")
	if name == "" || !isEnvName(name) {
		return
	}
	f.named(name, false, n, eq+1, len(v))
}

func isEnvName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isKeyByte(c, i > 0) {
			return false
		}
	}
	return true
}

// literal reports whether a scalar is a literal string or number, not a
// reference (see cfn.Literal): unknown local tags keep their value.
func literal(n *yaml.Node) bool { return cfn.Literal(n) }

// ident is what the matcher says about a key or env var name, memoised per
// file: the same keys recur all over a YAML file.
type ident struct {
	name match.Name
	aws  awsKind
}

type awsKind int

const (
	awsNone awsKind = iota
	awsKeyID
	awsSecretKey
)

func (f *fileScan) ident(s string) ident {
	if v, ok := f.sc.idents.Load(s); ok {
		return v.(ident)
	}
	if id, ok := f.idents[s]; ok {
		return id
	}
	id := ident{name: f.m.ClassifyName(s)}
	w := id.name.Words
	switch {
	case hasSuffix(w, "access", "key", "id"):
		id.aws = awsKeyID
	case hasSuffix(w, "secret", "access", "key"):
		id.aws = awsSecretKey
	}
	if f.sc.nidents.Add(1) <= maxSharedIdents {
		f.sc.idents.Store(s, id)
	} else if len(f.idents) < maxSharedIdents { // a file of millions of names caches some
		if f.idents == nil {
			f.idents = map[string]ident{}
		}
		f.idents[s] = id
	}
	return id
}

// maxSharedIdents bounds the names a Scanner remembers across files.
const maxSharedIdents = 1 << 16

func hasSuffix(words []string, suffix ...string) bool {
	if len(words) < len(suffix) {
		return false
	}
	for i, s := range suffix {
		if words[len(words)-len(suffix)+i] != s {
			return false
		}
	}
	return true
}

// contextKeys is how many parent keys are read with a key.
const contextKeys = 3

// classifyIdent returns the name of a credential key (whose ident is id),
// read together with its parent keys when withContext is set:
// `spring.datasource.password` is a DB password where `password` alone is
// a password. The key itself must name a credential: parents only refine
// its kind.
func (f *fileScan) classifyIdent(id ident, key string, withContext bool) match.Name {
	name := id.name
	if !name.Credential() || !withContext {
		return name
	}
	var parts []string
	for i := len(f.path) - 2; i >= 0 && len(parts) < contextKeys; i-- {
		if p := f.path[i]; p.isKey {
			if isEnvKey(p.key) {
				break
			}
			parts = append(parts, p.key)
		}
	}
	if len(parts) == 0 {
		return name
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
		b.WriteByte('.')
	}
	b.WriteString(key)
	if cn := f.ident(b.String()).name; cn.Credential() {
		return cn
	}
	return name
}

// awsLiteral reports whether v is a literal AWS access key ID or secret
// access key, not a placeholder or reference.
func (f *fileScan) awsLiteral(kind awsKind, v string) bool {
	switch kind {
	case awsKeyID:
		return f.m.AWSAccessKeyID(ruleStaticAWS, v)
	case awsSecretKey:
		return f.m.AWSSecretAccessKey(ruleStaticAWS, v)
	}
	return false
}

// named checks the part value[vs:ve] of scalar n, given to the key or env
// var name key.
func (f *fileScan) named(key string, withContext bool, n *yaml.Node, vs, ve int) {
	if !literal(n) {
		return
	}
	v := n.Value[vs:ve]
	// Trim the part to its non-space content, so the range covers it.
	for vs < ve && isSpace(n.Value[vs]) {
		vs++
	}
	for ve > vs && isSpace(n.Value[ve-1]) {
		ve--
	}
	id := f.ident(key)
	if id.aws != awsNone && !f.skip(ruleStaticAWS) && f.awsLiteral(id.aws, n.Value[vs:ve]) {
		f.report(ruleStaticAWS, n, vs, ve, "place", f.placeText(placeValue))
		return
	}
	if f.skip(ruleCredential) {
		return
	}
	name := f.classifyIdent(id, key, withContext)
	if !name.Credential() || !f.literalNamed(key, withContext, name, v) {
		return
	}
	f.report(ruleCredential, n, vs, ve, "kind", name.Kind.Title.In(f.s.Lang), "place", f.placeText(placeValue))
}

// report records a finding of rule over value[vs:ve] of scalar n.
func (f *fileScan) report(rule string, n *yaml.Node, vs, ve int, args ...string) {
	t := f.src.scalar(n)
	start, end := f.src.locate(n, t, vs, ve)
	f.add(rule, start, end, n.Line, f.s.Message(rule, args...))
}

// secretData checks a `data` entry of a Kubernetes Secret: its value is
// base64, so the decoded value is judged, and reported at the entry.
func (f *fileScan) secretData(k, v *yaml.Node) {
	if !literal(v) {
		return
	}
	raw := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, v.Value)
	b, err := base64.StdEncoding.DecodeString(raw)
	if err != nil {
		return
	}
	dec := string(b)
	all := len(v.Value)
	place := f.placeText(placeValue)
	for _, t := range f.tokens(dec) {
		f.report(t.Rule, v, 0, all, "detector", t.Title, "place", place)
	}
	if !f.skip(ruleConn) {
		for _, c := range f.m.ConnStrings(dec) {
			f.report(ruleConn, v, 0, all, "scheme", c.Scheme, "place", place)
		}
	}
	id := f.ident(k.Value)
	switch {
	case id.aws != awsNone && !f.skip(ruleStaticAWS) && f.awsLiteral(id.aws, strings.TrimSpace(dec)):
		f.report(ruleStaticAWS, v, 0, all, "place", place)
	case !f.skip(ruleCredential) && id.name.Credential() && f.m.LiteralCredential(ruleCredential, id.name, dec):
		f.report(ruleCredential, v, 0, all, "kind", id.name.Kind.Title.In(f.s.Lang), "place", place)
	}
}

// tokens returns the detector matches in text whose rules run.
func (f *fileScan) tokens(text string) []match.Token {
	if !f.m.MayHaveTokens(text) {
		return nil
	}
	ts := f.m.Tokens(text)
	out := ts[:0]
	for _, t := range ts {
		if !f.skip(t.Rule) {
			out = append(out, t)
		}
	}
	return out
}

// scalar runs the checks every scalar gets, keys included: token formats
// and connection strings.
func (f *fileScan) scalar(n *yaml.Node, isKey bool) {
	if f.hasHash && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 &&
		strings.IndexByte(n.Value, '#') >= 0 {
		if t := f.src.scalar(n); t.exclude.end > t.exclude.start {
			f.excl = append(f.excl, t.exclude)
		}
	}
	v := n.Value
	if isKey && plainKey(v) {
		return // an identifier: neither a token nor a connection string
	}
	toks := f.tokens(v)
	var conns []match.Conn
	if !f.skip(ruleConn) {
		conns = f.m.ConnStrings(v)
	}
	if len(toks) == 0 && len(conns) == 0 {
		return
	}
	which := placeValue
	if isKey {
		which = placeKey
	}
	place := f.placeText(which)
	for _, t := range toks {
		f.report(t.Rule, n, t.Start, t.End, "detector", t.Title, "place", place)
	}
	for _, c := range conns {
		f.report(ruleConn, n, c.Start, c.End, "scheme", c.Scheme, "place", place)
	}
}

type placeKind int

const (
	placeValue placeKind = iota
	placeKey
	placeComment
	placeRaw
)

// placeText describes where a finding is, for the {place} of messages:
// "YAML value at spec.containers[0].env[1].value". A key is described by
// the path of its mapping, never by its own text, which may be the secret.
func (f *fileScan) placeText(k placeKind) string {
	switch k {
	case placeComment:
		return f.s.Phrase("yaml_comment")
	case placeRaw:
		return f.s.Phrase("yaml_unparsed")
	}
	// A key is checked before its own segment is pushed: its place is
	// the path of its mapping.
	p := f.pathString(f.path)
	props := isPropertiesName(f.rel)
	switch {
	case props && k == placeKey:
		return f.s.Phrase("properties_key")
	case props:
		return f.s.Phrase("properties_value_at", "path", p)
	case k == placeKey && p == "":
		return f.s.Phrase("yaml_key")
	case k == placeKey:
		return f.s.Phrase("yaml_key_in", "path", p)
	case p == "":
		return f.s.Phrase("yaml_value")
	}
	return f.s.Phrase("yaml_value_at", "path", p)
}

// pathString formats a path: keys joined by dots, indices in brackets. A
// key that may itself be a secret is redacted: one holding a token or a
// connection string, an opaque high-entropy key, or a key that is no
// plain name under a credential name (`passwords: {<secret>: alice}`).
func (f *fileScan) pathString(path []seg) string {
	var b strings.Builder
	for i, s := range path {
		if !s.isKey {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		k := s.key
		if f.m.MayHaveTokens(k) && len(f.m.Tokens(k)) > 0 || len(f.m.ConnStrings(k)) > 0 || strings.ContainsAny(k, "\n\r") ||
			!plainKey(k) && (f.m.RedactText(k) != k || i > 0 && path[i-1].isKey && f.credentialName(path[i-1].key)) {
			k = match.Redact(k)
		}
		b.WriteString(k)
	}
	return b.String()
}

// credentialName reports whether a key names credentials, in the
// singular or the plural (`passwords`, `api_keys`).
func (f *fileScan) credentialName(k string) bool {
	if f.ident(k).name.Credential() {
		return true
	}
	sing, ok := strings.CutSuffix(k, "s")
	return ok && sing != "" && f.ident(sing).name.Credential()
}

// rootValue returns the scalar value of a top-level key of a document.
func rootValue(doc *yaml.Node, key string) string {
	if v := rootNode(doc, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// rootNode returns the value of a top-level key of a document, or nil.
func rootNode(doc *yaml.Node, key string) *yaml.Node {
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil
		}
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return root.Content[i+1]
		}
	}
	return nil
}

// isKeyByte reports whether c may appear in a bare key; digits only after
// the first byte.
func isKeyByte(c byte, notFirst bool) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '-' || notFirst && c >= '0' && c <= '9'
}

// plainKey reports whether a mapping key is a plain identifier of letters,
// `_`, `-`, `.`, `/` and `:` (most keys): no token format and no
// connection string is made of those alone.
func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == '-', c == '.', c == '/', c == ':':
		default:
			return false
		}
	}
	return true
}
