package yamlscan

import (
	"path"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A chart's values choose what its templates render: the Parameter Store
// name an ExternalSecret reads (`remoteRef.key: {{ .Values.db.key }}`),
// or the service of its SecretStore (`service: {{ .Values.store.service
// }}`). The templates record which values they take, by plain reference
// only (`.Values.a.b`, optionally piped to quote, squote or toString;
// anything else is unknown and never a finding); the values files offer
// every value that could be such a choice as a finding kept until
// Scanner.Finish, which keeps those a template of the same chart uses to
// read a DB credential from Parameter Store. The finding is at the
// value, in values.yaml, where the choice is made.

// helmState holds what the chart templates of the scan take from values.
type helmState struct {
	mu sync.Mutex
	// keys are remote names taken from values; stores are store services
	// taken from values; dbReads are the DB-credential reads of chart
	// ExternalSecrets, for the stores whose service values choose.
	keys    []helmKey
	stores  []helmStore
	dbReads []helmDBRead
	// values are the values offered, by chart and path.
	values map[[2]string]string
}

type helmKey struct {
	chart, path     string
	prop, secretKey string
	subject         string
	refs            []storeKey
	whole           bool // a dataFrom.extract
}

type helmStore struct {
	chart, path string
	key         storeKey
}

type helmDBRead struct {
	chart, key, subject string
	refs                []storeKey
}

// valuesRefRx matches the text a plain `{{ .Values.a.b }}` action leaves
// in a tolerantly parsed template (see inlineAction).
var valuesRefRx = regexp.MustCompile(`^\$\{\s*\.Values\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)(?:\s+(?:quote|squote|toString))?\s*\}$`)

// chartOf returns the chart directory of a template (the directory above
// its templates directory), and whether rel is a chart template.
func chartOf(rel string) (string, bool) {
	i := strings.LastIndex("/"+rel, "/templates/")
	if i < 0 {
		return "", false
	}
	if i == 0 {
		return "", true
	}
	return rel[:i-1], true
}

// valuesRef returns the values path a scalar of a chart template renders,
// when it is one plain reference.
func (f *fileScan) valuesRef(s string) (chart, p string, ok bool) {
	chart, ok = chartOf(f.rel)
	if !ok {
		return "", "", false
	}
	m := valuesRefRx.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return chart, m[1], true
}

// helmRemote records a remote name of an ExternalSecret taken from values.
func (f *fileScan) helmRemote(r *esoRemote) {
	chart, p, ok := f.valuesRef(r.key)
	if !ok || r.find || f.skip(ruleDBInPS) {
		return
	}
	h := &f.sc.helm
	h.mu.Lock()
	h.keys = append(h.keys, helmKey{chart: chart, path: p, prop: r.prop, secretKey: r.secret, subject: r.subject, refs: r.use.refs, whole: r.secret == ""})
	h.mu.Unlock()
}

// helmStoreService records a store whose service is taken from values.
func (f *fileScan) helmStoreService(k storeKey, service string) {
	chart, p, ok := f.valuesRef(service)
	if !ok {
		return
	}
	h := &f.sc.helm
	h.mu.Lock()
	h.stores = append(h.stores, helmStore{chart: chart, path: p, key: k})
	h.mu.Unlock()
}

// helmDBRead records a DB credential a chart ExternalSecret reads, for the
// stores whose service values choose.
func (f *fileScan) helmDBRead(r *esoRemote) {
	chart, ok := chartOf(f.rel)
	if !ok || !isDBName(r.name) {
		return
	}
	h := &f.sc.helm
	h.mu.Lock()
	h.dbReads = append(h.dbReads, helmDBRead{chart: chart, key: r.key, subject: r.subject, refs: r.use.refs})
	h.mu.Unlock()
}

// isValuesName reports whether a slash path is a chart's values file:
// values*.yaml or values*.yml outside a templates directory.
func isValuesName(rel string) bool {
	base := strings.ToLower(path.Base(rel))
	if !strings.HasPrefix(base, "values") || inTemplatesDir(rel) {
		return false
	}
	return strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")
}

// helmValues offers the values of a values file that may choose where a
// DB credential is read from: names that look like Parameter Store
// paths or name a credential, and ParameterStore itself.
func (f *fileScan) helmValues(doc *yaml.Node) {
	if f.skip(ruleDBInPS) {
		return
	}
	chart := path.Dir(f.rel)
	if chart == "." {
		chart = ""
	}
	var walk func(n *yaml.Node, p string, depth int)
	walk = func(n *yaml.Node, p string, depth int) {
		if n.Kind != yaml.MappingNode || depth > 32 {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			kp := k.Value
			if p != "" {
				kp = p + "." + k.Value
			}
			if v.Kind == yaml.MappingNode {
				walk(v, kp, depth+1)
				continue
			}
			if v.Kind != yaml.ScalarNode || !literal(v) || !f.choiceValue(v.Value) {
				continue
			}
			h := &f.sc.helm
			h.mu.Lock()
			if h.values == nil {
				h.values = map[[2]string]string{}
			}
			h.values[[2]string{chart, kp}] = v.Value
			h.mu.Unlock()
			n := len(f.cands)
			f.addCond(ruleDBInPS, v, 0, 0, false, "", &helmValueCond{chart: chart, path: kp, value: v.Value})
			if len(f.cands) > n {
				// Offered, not found: it never hides another finding.
				f.cands[n].Independent = true
			}
		}
	}
	walk(docRoot(doc), "", 0)
}

// choiceValue reports whether a value may choose where a DB credential is
// read from.
func (f *fileScan) choiceValue(s string) bool {
	if s == "" || len(s) > 512 || strings.ContainsAny(s, " \t\n{$") {
		return false
	}
	return strings.EqualFold(s, esoParameterStore) || strings.HasPrefix(s, "/") || isDBName(f.ident(s).name)
}

// helmValueCond is the condition of a value offered by a values file.
type helmValueCond struct {
	chart, path, value string
}

func (c *helmValueCond) holds(sc *Scanner) (string, bool) {
	h := &sc.helm
	h.mu.Lock()
	defer h.mu.Unlock()
	f := &fileScan{sc: sc, s: sc.s, m: sc.m}
	for _, k := range h.keys {
		if k.chart != c.chart || k.path != c.path || strings.HasPrefix(c.value, "/aws/reference/secretsmanager/") {
			continue
		}
		if !isDBName(f.remoteName(c.value, k.prop, k.secretKey, k.whole)) {
			continue
		}
		services, seen := sc.eso.services(k.refs)
		ev := ""
		switch {
		case seen && (services[esoParameterStore] || h.storeChosen(c.chart, k.refs)):
			ev = "eso_through_store"
		case !seen && len(k.refs) > 0 && nameShape(c.value) == esoParameterStore:
			ev = "eso_store_unseen"
		default:
			continue
		}
		return sc.s.MessageAs(ruleDBInPS, "resolve", "subject", k.subject, "param", c.value,
			"evidence", sc.s.Phrase(ev, "store", f.storeText(k.refs))), true
	}
	if !strings.EqualFold(c.value, esoParameterStore) {
		return "", false
	}
	for _, s := range h.stores {
		if s.chart != c.chart || s.path != c.path {
			continue
		}
		for _, r := range h.dbReads {
			if r.chart != c.chart || !storeNamed(r.refs, s.key) {
				continue
			}
			return sc.s.MessageAs(ruleDBInPS, "resolve", "subject", r.subject, "param", r.key,
				"evidence", sc.s.Phrase("helm_values_store", "store", f.objectText(s.key.kind, s.key.name))), true
		}
	}
	return "", false
}

// storeChosen reports whether values choose ParameterStore as the
// service of a store of the chart that refs name.
func (h *helmState) storeChosen(chart string, refs []storeKey) bool {
	for _, s := range h.stores {
		if s.chart == chart && storeNamed(refs, s.key) && strings.EqualFold(h.values[[2]string{chart, s.path}], esoParameterStore) {
			return true
		}
	}
	return false
}

// storeNamed reports whether refs name store k (namespaces aside: a
// chart's objects share the release namespace).
func storeNamed(refs []storeKey, k storeKey) bool {
	for _, r := range refs {
		if r.kind == k.kind && r.name == k.name {
			return true
		}
	}
	return false
}

// reset forgets the charts of the scan.
func (h *helmState) reset() {
	h.mu.Lock()
	h.keys, h.stores, h.dbReads, h.values = nil, nil, nil, nil
	h.mu.Unlock()
}
