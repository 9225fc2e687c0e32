package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// credRule judges the values given to credentials (properties,
// environment variables, ECS container secrets): hard-coded literals,
// Parameter Store references and template parameters
// (hardcoded-credential, db-credential-in-parameter-store,
// secret-in-parameter-store, db-credential-not-managed). It collects the
// secrets and parameters credentials use.
type credRule struct{}

func (credRule) collect(st *cfnState) {
	for i := range st.sites {
		s := &st.sites[i]
		switch s.kind {
		case siteProp:
			s.cred = true
			s.u = credUse{subject: st.propSubject(s.owner, s.name), path: s.path, name: st.r.credName(kindIdent[s.propKind]), db: s.propKind == kindDB}
		case siteEnv:
			st.envUse(s)
		case siteECS:
			st.collectECS(s)
			continue
		case siteAttach:
			st.targetAttachment(s.res)
			continue
		}
		if s.cred {
			s.leaves = st.t.Eval(s.v)
			st.collectLeaves(s, s.u, s.leaves)
		}
	}
}

func (credRule) check(st *cfnState) {
	r := st.r
	for i := range st.sites {
		s := &st.sites[i]
		switch {
		case s.kind == siteECS:
			st.checkECS(s)
			continue
		case !s.cred:
			continue
		case s.flag != "" && !r.skip(ruleNotManaged):
			for _, l := range s.leaves {
				if l.Source != cfn.SourceNoValue {
					r.addNode(ruleNotManaged, s.v, 0, 0, false, r.messageAs(ruleNotManaged, "conflict", "subject", s.u.subject, "flag", s.flag))
					break
				}
			}
		}
		st.credLeaves(s.u, s.leaves, s.defaults)
	}
}

// envUse decides whether an environment variable takes a credential:
// by its name, or as a connection string whose password is resolved.
func (st *cfnState) envUse(s *credSite) {
	name := st.r.credName(s.name)
	db := isDBName(name)
	if !name.Credential() {
		if !st.dbURL(s.v) {
			return
		}
		name, db = st.r.credName(kindIdent[kindDB]), true
	}
	s.cred = true
	s.u = credUse{subject: st.envSubject(s.owner, s.name), path: s.path, name: name, db: db}
}

// collectLeaves records the secrets and parameters the values of a use
// come from, and judges (once) the default of each parameter: its values
// are kept by leaf index in s.defaults.
func (st *cfnState) collectLeaves(s *credSite, u credUse, leaves []cfn.Leaf) {
	for i, l := range leaves {
		switch l.Source {
		case cfn.SourceSecretsManager:
			st.useSecret(l, u.db)
		case cfn.SourceParam:
			p := l.Param
			st.feed(p, u.db)
			if p.Default == nil || st.defaults[p] {
				continue
			}
			st.defaults[p] = true
			var ds []cfn.Leaf
			for _, d := range st.t.Eval(p.Default) {
				if d.Source != cfn.SourceParam { // a default cannot refer to a parameter
					ds = append(ds, d)
				}
			}
			if s.defaults == nil {
				s.defaults = map[int][]cfn.Leaf{}
			}
			s.defaults[i] = ds
			du := u
			du.path = "Parameters." + p.Name + ".Default"
			st.collectLeaves(s, du, ds)
		}
	}
}

// credLeaves reports the values a credential use may take; defaults are
// the values of the parameter defaults judged at this use, by leaf index.
func (st *cfnState) credLeaves(u credUse, leaves []cfn.Leaf, defaults map[int][]cfn.Leaf) {
	r := st.r
	for i, l := range leaves {
		switch l.Source {
		case cfn.SourceLiteral:
			st.literalCred(u, l)
		case cfn.SourceSSM, cfn.SourceSSMSecure:
			st.storeFinding(u, l, "resolve", false)
		case cfn.SourceParam:
			p := l.Param
			if u.db && !r.skip(ruleNotManaged) {
				r.addNode(ruleNotManaged, l.Node, 0, 0, false, r.message(ruleNotManaged, "subject", u.subject, "param", p.Name))
			}
			if ds, ok := defaults[i]; ok {
				du := u
				du.path = "Parameters." + p.Name + ".Default"
				st.credLeaves(du, ds, nil)
			}
		}
	}
}

func (st *cfnState) propSubject(res, prop string) string {
	return st.text("prop_subject", "prop", prop, "resource", res)
}

func (st *cfnState) envSubject(owner, name string) string {
	if owner == "" {
		return st.text("env_subject", "name", name)
	}
	return st.text("env_subject_of", "name", name, "owner", owner)
}

// dbURL reports whether a value is a connection string whose userinfo is
// resolved by a dynamic reference: `postgres://app:{{resolve:…}}@db/x`.
func (st *cfnState) dbURL(v *yaml.Node) bool {
	s, ok := st.t.Flat(v)
	if !ok {
		return false
	}
	i := strings.Index(s, "://")
	r := strings.Index(s, "{{resolve:")
	return i > 0 && r > i && strings.LastIndexByte(s, '@') > r
}

// targetAttachment records the secret attached to a database.
func (st *cfnState) targetAttachment(r *cfn.Resource) {
	t := st.t
	db := false
	typ := cfn.ScalarValue(r.Prop("TargetType"))
	if typ == "" {
		for _, l := range t.Eval(r.Prop("TargetId")) {
			if res := t.Resources[l.Text]; res != nil {
				typ = res.Type
			}
		}
		if tid := r.Prop("TargetId"); tid != nil {
			if fn, arg := cfn.Intrinsic(tid); fn == "Ref" && t.Resources[arg.Value] != nil {
				typ = t.Resources[arg.Value].Type
			}
		}
	}
	for _, p := range []string{"AWS::RDS::", "AWS::Redshift", "AWS::DocDB::"} {
		if strings.HasPrefix(typ, p) {
			db = true
		}
	}
	for _, l := range t.Eval(r.Prop("SecretId")) {
		if l.Source == cfn.SourceSecretsManager {
			st.useSecret(l, db)
		}
	}
}
