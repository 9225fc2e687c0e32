package yamlscan

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// The application kinds (serverless, Spring, GitHub Actions, CodeBuild
// buildspecs) share these helpers: a store finding for a Parameter Store
// name, the classification of what a name holds, and a walk over scalars
// with their key paths.

// appDocument runs the model of an application kind on a document.
func (f *fileScan) appDocument(kind DocKind, doc *yaml.Node) {
	root := docRoot(doc)
	if root == nil || root.Kind != yaml.MappingNode {
		return
	}
	switch kind {
	case KindServerless:
		f.serverlessDocument(root)
	case KindSpring:
		f.springDocument(root)
	case KindGitHubActions:
		f.actionsDocument(root)
	case KindBuildspec:
		f.buildspecDocument(root)
	}
}

// appState is a CloudFormation state over an empty template, for the
// application kinds to reuse the rules' reporting helpers (hierarchy,
// IAM statements).
func (f *fileScan) appState(root *yaml.Node) *cfnState {
	t := cfn.New(root)
	t.Budget = f.evalBudget()
	return newCFNState(t, f, nil)
}

// storeKind returns what a Parameter Store value holds: the credential
// kind of the key it is given to or, when the key says nothing, of the
// parameter's name. ok is false when neither names a secret.
func (f *fileScan) storeKind(key match.Name, param string) (match.Name, bool) {
	kind := key
	if !isDBName(kind) {
		if pn := f.ident(param).name; pn.Credential() && (isDBName(pn) || !kind.Credential()) {
			kind = pn
		}
	}
	return kind, kind.Credential()
}

// storeRule returns the store rule of a secret kind kept in Parameter
// Store, or "" when none applies or the rule does not run.
func (f *fileScan) storeRule(kind match.Name) string {
	rule := ""
	switch {
	case isDBName(kind):
		rule = ruleDBInPS
	case kind.Credential():
		rule = ruleSecretInPS
	}
	if rule == "" || f.skip(rule) {
		return ""
	}
	return rule
}

// storeAt reports a secret of kind kept in Parameter Store parameter
// param, at n.Value[vs:ve]: variant is "" (read), "write" or "resolve".
func (f *fileScan) storeAt(kind match.Name, n *yaml.Node, vs, ve int, variant, subject, param, evidence string) bool {
	rule := f.storeRule(kind)
	if rule == "" {
		return false
	}
	if subject == "" {
		subject = kind.Kind.Title.In(f.s.Lang)
	}
	args := []string{"subject", subject, "param", param, "evidence", evidence}
	msg := f.s.Message(rule, args...)
	if variant != "" {
		msg = f.s.MessageAs(rule, variant, args...)
	}
	f.addNode(rule, n, vs, ve, false, msg)
	return true
}

// keyName classifies a key read with up to contextKeys parent keys of
// path (the keys down to it): `spring.datasource.password` is a DB
// password where `password` alone is a password.
func (f *fileScan) keyName(path []string) match.Name {
	if len(path) == 0 {
		return match.Name{}
	}
	key := path[len(path)-1]
	name := f.ident(key).name
	if !name.Credential() && !name.Reference {
		return name
	}
	from := max(0, len(path)-1-contextKeys)
	if cn := f.ident(strings.Join(path[from:], ".")).name; cn.Kind != nil && cn.Kind.Secret && cn.Reference == name.Reference {
		return cn
	}
	return name
}

// walkScalars calls fn for every scalar under n with the keys and indices
// leading to it (indices as "[i]"). Aliases are not followed.
func walkScalars(n *yaml.Node, path []string, fn func(path []string, n *yaml.Node)) {
	walkScalarsDepth(n, path, fn, 0)
}

const maxWalkDepth = 64

func walkScalarsDepth(n *yaml.Node, path []string, fn func(path []string, n *yaml.Node), depth int) {
	if n == nil || depth > maxWalkDepth {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		fn(path, n)
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			walkScalarsDepth(n.Content[i+1], append(path, n.Content[i].Value), fn, depth+1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkScalarsDepth(c, append(path, "["+strconv.Itoa(i)+"]"), fn, depth+1)
		}
	}
}

// joinPath formats a key path: keys joined by dots, indices appended.
func joinPath(path []string) string {
	var b strings.Builder
	for _, p := range path {
		if b.Len() > 0 && !strings.HasPrefix(p, "[") {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// getPath returns the node at a dotted key path under n, or nil.
func getPath(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		if n == nil {
			return nil
		}
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		n = cfn.Get(n, k)
	}
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// ssmPath reports whether v names a Parameter Store parameter: a
// `/`-rooted path or an SSM parameter ARN.
func ssmPath(v string) bool {
	return strings.HasPrefix(v, "/") && len(v) > 1 && !strings.ContainsAny(v, " \t\n") ||
		strings.HasPrefix(v, "arn:aws") && strings.Contains(v, ":ssm:") && strings.Contains(v, ":parameter/")
}

// secretsManagerRef is the prefix of Parameter Store names that reach
// Secrets Manager secrets.
const secretsManagerRef = "/aws/reference/secretsmanager/"
