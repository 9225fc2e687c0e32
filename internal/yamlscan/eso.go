package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// Kinds of the External Secrets Operator API.
const (
	kindSecretStore        = "SecretStore"
	kindClusterSecretStore = "ClusterSecretStore"
)

// k8sDocument runs the checks of Kubernetes objects beyond literals: the
// External Secrets Operator stores, ExternalSecrets and PushSecrets.
func (f *fileScan) k8sDocument(doc *yaml.Node) {
	if !strings.HasPrefix(rootValue(doc, "apiVersion"), "external-secrets.io/") {
		return
	}
	root := docRoot(doc)
	meta := cfn.Get(root, "metadata")
	o := k8sObject{
		kind: rootValue(doc, "kind"),
		name: cfn.ScalarValue(cfn.Get(meta, "name")),
		ns:   cfn.ScalarValue(cfn.Get(meta, "namespace")),
	}
	spec := cfn.Get(root, "spec")
	switch o.kind {
	case kindSecretStore, kindClusterSecretStore:
		f.esoStore(o, spec)
	case "ExternalSecret":
		f.externalSecret(o, spec)
	case "ClusterExternalSecret":
		// Its ExternalSecrets are created in the namespaces it selects.
		o.ns = ""
		f.externalSecret(o, cfn.Get(spec, "externalSecretSpec"))
	case "PushSecret":
		f.pushSecret(o, spec)
	}
}

// k8sObject is the identity of a Kubernetes object.
type k8sObject struct{ kind, name, ns string }

// objectText names an object for messages; a name built by a template
// shows its actions as {{…}}.
func (f *fileScan) objectText(kind, name string) string {
	if strings.Contains(name, "${") {
		name = subVarRx.ReplaceAllString(name, "{{…}}")
	}
	return f.s.Phrase("k8s_object", "kind", kind, "name", name)
}

// docRoot returns the root node of a document.
func docRoot(doc *yaml.Node) *yaml.Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0]
	}
	return doc
}

// esoStore records a SecretStore or ClusterSecretStore, and reports one
// that authenticates to AWS with static access keys.
func (f *fileScan) esoStore(o k8sObject, spec *yaml.Node) {
	k := storeKey{kind: o.kind, name: o.name}
	if o.kind == kindSecretStore {
		k.ns = o.ns
	}
	aws := cfn.Get(cfn.Get(spec, "provider"), "aws")
	if aws == nil {
		f.sc.addStore(k, esoOther)
		return
	}
	service := cfn.ScalarValue(cfn.Get(aws, "service"))
	f.sc.addStore(k, service)
	f.helmStoreService(k, service)
	ref := cfn.Get(cfn.Get(aws, "auth"), "secretRef")
	if ref == nil || f.skip(ruleStaticAWS) {
		return
	}
	for _, key := range []string{"accessKeyIDSecretRef", "secretAccessKeySecretRef"} {
		kn, v := cfn.GetPair(ref, key)
		if kn == nil {
			continue
		}
		secret := cfn.ScalarValue(cfn.Get(v, "name"))
		f.addNode(ruleStaticAWS, kn, 0, 0, false, f.s.MessageAs(ruleStaticAWS, "secret-store",
			"store", f.objectText(o.kind, o.name), "secret", secret))
		return
	}
}

// esoUse is an ExternalSecret or PushSecret being checked.
type esoUse struct {
	label string     // "ExternalSecret orders-db"
	refs  []storeKey // the stores of the object
}

// storeRefs returns the store a secretStoreRef (or storeRef) names.
func storeRefs(ns string, ref *yaml.Node) []storeKey {
	name := cfn.ScalarValue(cfn.Get(ref, "name"))
	if name == "" {
		return nil
	}
	kind := cfn.ScalarValue(cfn.Get(ref, "kind"))
	if kind == "" {
		kind = kindSecretStore
	}
	k := storeKey{kind: kind, name: name}
	if kind == kindSecretStore {
		k.ns = ns
	}
	return []storeKey{k}
}

// storeText names the stores of refs for messages.
func (f *fileScan) storeText(refs []storeKey) string {
	if len(refs) == 0 {
		return f.objectText(kindSecretStore, "?")
	}
	return f.objectText(refs[0].kind, refs[0].name)
}

// externalSecret checks the spec of an ExternalSecret: what it reads from
// Parameter Store, and whether rotation reaches it.
func (f *fileScan) externalSecret(o k8sObject, spec *yaml.Node) {
	if spec == nil {
		return
	}
	u := esoUse{label: f.objectText(o.kind, o.name), refs: storeRefs(o.ns, cfn.Get(spec, "secretStoreRef"))}
	var rotated []esoRemote
	if data := cfn.Get(spec, "data"); data != nil && data.Kind == yaml.SequenceNode {
		for _, d := range data.Content {
			r := esoRemote{
				use:     u.withStore(o.ns, d),
				keyNode: cfn.Get(cfn.Get(d, "remoteRef"), "key"),
				prop:    cfn.ScalarValue(cfn.Get(cfn.Get(d, "remoteRef"), "property")),
				version: cfn.Get(cfn.Get(d, "remoteRef"), "version"),
				secret:  cfn.ScalarValue(cfn.Get(d, "secretKey")),
			}
			r.key = cfn.ScalarValue(r.keyNode)
			r.name = f.remoteName(r.key, r.prop, r.secret, false)
			r.subject = f.s.Phrase("eso_key_subject", "key", r.secret, "resource", u.label)
			f.esoRead(&r)
			rotated = append(rotated, r)
		}
	}
	if from := cfn.Get(spec, "dataFrom"); from != nil && from.Kind == yaml.SequenceNode {
		for _, d := range from.Content {
			rotated = append(rotated, f.dataFrom(u, o.ns, d)...)
		}
	}
	f.esoRefresh(spec, rotated)
}

// withStore returns u with the store of an item's sourceRef.storeRef,
// which overrides the object's.
func (u esoUse) withStore(ns string, item *yaml.Node) esoUse {
	if refs := storeRefs(ns, cfn.Get(cfn.Get(item, "sourceRef"), "storeRef")); refs != nil {
		u.refs = refs
	}
	return u
}

// esoRemote is one remote name an ExternalSecret reads.
type esoRemote struct {
	use     esoUse
	keyNode *yaml.Node
	key     string
	prop    string
	secret  string     // the Kubernetes Secret key it fills
	version *yaml.Node // remoteRef.version
	name    match.Name // what the remote value is
	subject string
	find    bool // a dataFrom.find: key is a path or a pattern
}

// dataFrom checks an extract or a find of dataFrom.
func (f *fileScan) dataFrom(u esoUse, ns string, d *yaml.Node) []esoRemote {
	u = u.withStore(ns, d)
	var out []esoRemote
	if ex := cfn.Get(d, "extract"); ex != nil {
		r := esoRemote{use: u, keyNode: cfn.Get(ex, "key"), prop: cfn.ScalarValue(cfn.Get(ex, "property")), version: cfn.Get(ex, "version")}
		r.key = cfn.ScalarValue(r.keyNode)
		r.name = f.remoteName(r.key, r.prop, "", true)
		r.subject = f.s.Phrase("eso_all_subject", "resource", u.label)
		f.esoRead(&r)
		out = append(out, r)
	}
	if fd := cfn.Get(d, "find"); fd != nil {
		r := esoRemote{use: u, find: true, keyNode: cfn.Get(fd, "path")}
		rx := cfn.Get(cfn.Get(fd, "name"), "regexp")
		r.key = cfn.ScalarValue(r.keyNode)
		pattern := cfn.ScalarValue(rx)
		if r.keyNode == nil {
			r.keyNode, r.key = rx, pattern
		}
		if r.keyNode == nil {
			return out
		}
		r.name = f.remoteName(cfn.ScalarValue(cfn.Get(fd, "path")), strings.Join(match.Words(pattern), "_"), "", true)
		r.subject = f.s.Phrase("eso_find_subject", "resource", u.label)
		f.esoRead(&r)
		out = append(out, r)
	}
	return out
}

// remoteName classifies a remote value by its name, its property and the
// Secret key it fills. whole is set when every property of the value is
// read (dataFrom): a value named like a database holds its password.
func (f *fileScan) remoteName(key, prop, secretKey string, whole bool) match.Name {
	full := key
	if prop != "" {
		full += "/" + prop
	}
	n := f.ident(full).name
	if !n.Credential() && secretKey != "" {
		n = f.ident(full + "/" + secretKey).name
	}
	if !n.Credential() && whole && key != "" {
		if d := f.ident(full + "/password").name; isDBName(d) {
			n = d
		}
	}
	return n
}

// psRule returns the rule a credential of name breaks in Parameter Store,
// or "".
func psRule(n match.Name) string {
	switch {
	case !n.Credential():
		return ""
	case isDBName(n):
		return ruleDBInPS
	case n.Kind.Store == secretlint.StoreSecretsManager || n.Kind.Rotation == "required":
		return ruleSecretInPS
	}
	return ""
}

// esoRead reports a remote name read from Parameter Store: the store rule
// for a secret, the hierarchy rule for every name.
func (f *fileScan) esoRead(r *esoRemote) {
	if r.keyNode == nil || r.key == "" {
		return
	}
	if templated(r.key) {
		f.helmRemote(r)
		return
	}
	f.helmDBRead(r)
	u := r.use
	shape := nameShape(r.key)
	if r.find && !strings.HasPrefix(r.key, "/") {
		shape = "" // a pattern alone does not say which store
	}
	storeText := f.storeText(u.refs)
	if rule := psRule(r.name); rule != "" && !strings.HasPrefix(r.key, "/aws/reference/secretsmanager/") {
		msg := func(ev string) string {
			return f.s.MessageAs(rule, "resolve", "subject", r.subject, "param", r.key, "evidence", f.s.Phrase(ev, "store", storeText))
		}
		f.addESO(rule, r.keyNode, &esoCond{refs: u.refs, want: esoParameterStore, shape: shape,
			found: msg("eso_through_store"), guess: msg("eso_store_unseen")})
	}
	if !r.find {
		f.esoHierarchy(r.key, r.keyNode, u.refs, shape)
	}
	f.esoVersion(r, shape)
}

// esoHierarchy reports a Parameter Store name outside the hierarchy.
func (f *fileScan) esoHierarchy(name string, n *yaml.Node, refs []storeKey, shape string) {
	if f.skip(ruleHierarchy) || strings.HasPrefix(name, "/aws/") {
		return
	}
	if f.sc.hier.MatchString(subVarRx.ReplaceAllString(name, "x")) {
		return
	}
	m := f.s.Message(ruleHierarchy, "param", name, "pattern", f.sc.hierText)
	f.addESO(ruleHierarchy, n, &esoCond{refs: refs, want: esoParameterStore, shape: shape, found: m, guess: m})
}

// esoVersion reports a rotated secret read at a pinned version.
func (f *fileScan) esoVersion(r *esoRemote, shape string) {
	v := cfn.ScalarValue(r.version)
	if v == "" || v == "AWSCURRENT" || !rotatedKind(r.name) {
		return
	}
	m := f.s.MessageAs(ruleVersionPin, "external-secret", "subject", r.subject, "secret", r.key,
		"pin", f.s.Phrase("eso_pin_version", "version", v))
	f.addESO(ruleVersionPin, r.version, &esoCond{refs: r.use.refs, want: esoSecretsManager, shape: shape, found: m, guess: m})
}

// rotatedKind reports whether a credential of name is one the guideline
// rotates.
func rotatedKind(n match.Name) bool {
	return n.Credential() && (isDBName(n) || n.Kind.Rotation == "required")
}

// esoRefresh reports an ExternalSecret that fetches a rotated secret once
// and never again: refreshInterval 0 or refreshPolicy CreatedOnce.
func (f *fileScan) esoRefresh(spec *yaml.Node, remotes []esoRemote) {
	var at *yaml.Node
	var pin string
	if ri := cfn.Get(spec, "refreshInterval"); ri != nil && zeroDuration(cfn.ScalarValue(ri)) {
		at, pin = ri, f.s.Phrase("eso_pin_refresh", "value", ri.Value)
	} else if rp := cfn.Get(spec, "refreshPolicy"); cfn.ScalarValue(rp) == "CreatedOnce" {
		at, pin = rp, f.s.Phrase("eso_pin_created_once")
	}
	if at == nil {
		return
	}
	for _, r := range remotes {
		if r.find || !rotatedKind(r.name) || r.key == "" {
			continue
		}
		m := f.s.MessageAs(ruleVersionPin, "external-secret", "subject", r.subject, "secret", r.key, "pin", pin)
		f.addESO(ruleVersionPin, at, &esoCond{refs: r.use.refs, want: esoSecretsManager, shape: nameShape(r.key), found: m, guess: m})
		return
	}
}

// zeroDuration reports whether a Go duration string is zero: "0", "0s",
// "0h0m0s".
func zeroDuration(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, c := range s {
		if c != '0' && !strings.ContainsRune("hms.", c) {
			return false
		}
	}
	return true
}

// pushSecret checks what a PushSecret writes to Parameter Store: the
// store rule for a secret key, and the parameter type, String unless
// the item's metadata says SecureString.
func (f *fileScan) pushSecret(o k8sObject, spec *yaml.Node) {
	u := esoUse{label: f.objectText(o.kind, o.name)}
	if refs := cfn.Get(spec, "secretStoreRefs"); refs != nil && refs.Kind == yaml.SequenceNode {
		for _, r := range refs.Content {
			u.refs = append(u.refs, storeRefs(o.ns, r)...)
		}
	}
	data := cfn.Get(spec, "data")
	if data == nil || data.Kind != yaml.SequenceNode {
		return
	}
	storeText := f.storeText(u.refs)
	for _, d := range data.Content {
		m := cfn.Get(d, "match")
		keyNode := cfn.Get(cfn.Get(m, "remoteRef"), "remoteKey")
		key := cfn.ScalarValue(keyNode)
		if key == "" || templated(key) {
			continue
		}
		secretKey := cfn.ScalarValue(cfn.Get(m, "secretKey"))
		prop := cfn.ScalarValue(cfn.Get(cfn.Get(m, "remoteRef"), "property"))
		subject := f.s.Phrase("eso_push_subject", "key", secretKey, "resource", u.label)
		shape := nameShape(key)
		if rule := psRule(f.remoteName(key, prop, secretKey, secretKey == "")); rule != "" {
			msg := func(ev string) string {
				return f.s.MessageAs(rule, "write", "subject", subject, "param", key, "evidence", f.s.Phrase(ev, "store", storeText))
			}
			f.addESO(rule, keyNode, &esoCond{refs: u.refs, want: esoParameterStore, shape: shape,
				found: msg("eso_through_store"), guess: msg("eso_store_unseen")})
		}
		f.esoHierarchy(key, keyNode, u.refs, shape)
		meta := cfn.Get(d, "metadata")
		tn := cfn.Get(meta, "secretType")
		if tn == nil {
			tn = cfn.Get(cfn.Get(meta, "spec"), "secretType")
		}
		typ := cfn.ScalarValue(tn)
		if typ == "SecureString" {
			continue
		}
		at := tn
		if tn == nil {
			at, typ = d, f.s.Phrase("eso_push_default_type")
		}
		pm := f.s.Message(rulePlainParam, "subject", subject, "param", key, "type", typ)
		f.addESO(rulePlainParam, at, &esoCond{refs: u.refs, want: esoParameterStore, shape: shape, found: pm, guess: pm})
	}
}

// templated reports whether a remote name is built by a template (Helm,
// ESO templates): not a name to judge.
func templated(s string) bool {
	return strings.Contains(s, "{{") || strings.Contains(s, "${")
}
