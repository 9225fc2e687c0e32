package yamlscan

import (
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/finding"
)

// External Secrets Operator stores are often declared in another file (a
// cluster-wide ClusterSecretStore, a kustomize base) than the
// ExternalSecrets that use them. A finding that depends on the store's
// service is therefore kept until Scanner.Finish, which knows every store
// of the scan.

// AWS services of an External Secrets Operator store.
const (
	esoParameterStore = "ParameterStore"
	esoSecretsManager = "SecretsManager"
	esoOther          = "other" // a provider other than AWS
)

// storeKey names a SecretStore (in a namespace) or a ClusterSecretStore
// (ns "").
type storeKey struct{ kind, ns, name string }

// esoState holds the stores of the scan and the findings waiting for them.
type esoState struct {
	mu      sync.Mutex
	stores  map[storeKey]map[string]bool // services, one per declaration
	pending []esoPending
}

type esoPending struct {
	f finding.Finding
	c condition
}

// condition decides, once every file of the scan is known, whether a
// finding kept until Scanner.Finish holds, and with which message. It is
// called with the External Secrets state locked.
type condition interface {
	holds(sc *Scanner) (msg string, ok bool)
}

// esoCond is the condition of a finding on the store of an ExternalSecret
// or PushSecret: it holds when one of the stores refs names serves want.
// When none of them is among the scanned files, the shape of the remote
// name decides, and the message says so.
type esoCond struct {
	refs  []storeKey
	want  string // the service the finding needs
	shape string // the service the remote name suggests
	// found and guess are the messages for a store seen and unseen.
	found, guess string
}

// addStore records a store of the scan and its service.
func (sc *Scanner) addStore(k storeKey, service string) {
	e := &sc.eso
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stores == nil {
		e.stores = map[storeKey]map[string]bool{}
	}
	if e.stores[k] == nil {
		e.stores[k] = map[string]bool{}
	}
	e.stores[k][service] = true
}

// deferESO keeps a finding, already past suppressions, until Finish.
func (sc *Scanner) deferESO(f finding.Finding, c condition) {
	e := &sc.eso
	e.mu.Lock()
	e.pending = append(e.pending, esoPending{f: f, c: c})
	e.mu.Unlock()
}

// finishESO returns the findings whose store condition holds, and resets
// the state for the next scan.
func (sc *Scanner) finishESO() []finding.Finding {
	e := &sc.eso
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []finding.Finding
	for _, p := range e.pending {
		msg, ok := p.c.holds(sc)
		if !ok {
			continue
		}
		p.f.Message = msg
		out = append(out, p.f)
	}
	e.stores, e.pending = nil, nil
	return out
}

// holds reports whether a store the finding's ExternalSecret names serves
// the service the finding needs.
func (c *esoCond) holds(sc *Scanner) (string, bool) {
	services, seen := sc.eso.services(c.refs)
	switch {
	case seen && services[c.want]:
		return c.found, true
	case !seen && len(c.refs) > 0 && c.shape == c.want:
		// Without any store reference (a snippet cut short) the
		// provider is unknown: the name's shape alone says nothing.
		return c.guess, true
	}
	return "", false
}

// services returns the services of the stores refs name, and whether any
// of them was seen. A SecretStore matches in its namespace; a store or a
// reference without a namespace matches in every namespace.
func (e *esoState) services(refs []storeKey) (map[string]bool, bool) {
	out := map[string]bool{}
	seen := false
	for k, svcs := range e.stores {
		for _, r := range refs {
			if k.kind != r.kind || k.name != r.name {
				continue
			}
			if r.kind == kindSecretStore && k.ns != "" && r.ns != "" && k.ns != r.ns {
				continue
			}
			seen = true
			for s := range svcs {
				out[s] = true
			}
		}
	}
	return out, seen
}

// addESO records a finding of rule at n that holds under condition c.
func (f *fileScan) addESO(rule string, n *yaml.Node, c *esoCond) {
	f.addCond(rule, n, 0, 0, false, c.found, c)
}

// addCond records a finding of rule at n (see addNode) that Finish
// reports when condition c holds.
func (f *fileScan) addCond(rule string, n *yaml.Node, vs, ve int, withRange bool, msg string, c condition) {
	if n == nil || f.skip(rule) {
		return
	}
	f.addNode(rule, n, vs, ve, withRange, msg)
	f.conds = append(f.conds, c)
	f.cands[len(f.cands)-1].Ref = -len(f.conds)
}

// nameShape returns the store a remote name looks like it lives in:
// Parameter Store names are paths (`/app/prd/db/password`), Secrets
// Manager names usually are not (`prd/app/db`).
func nameShape(name string) string {
	if strings.HasPrefix(name, "/") && !strings.HasPrefix(name, "/aws/reference/secretsmanager/") {
		return esoParameterStore
	}
	return esoSecretsManager
}
