package yamlscan

import (
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// secretRule checks Secrets Manager secrets: literal credentials in their
// SecretString (hardcoded-credential), DB secrets no schedule rotates
// (secret-rotation-missing) and plain configuration kept as an unrotated
// secret (unrotated-secret-in-secrets-manager). The rotation findings
// wait for the end of the scan: a schedule of another template may
// rotate the secret.
type secretRule struct{ noCollect }

func (secretRule) check(st *cfnState) {
	for _, r := range st.t.Order {
		if r.Type == typeSecret {
			st.secret(r)
		}
	}
}

func (st *cfnState) secret(r *cfn.Resource) {
	t, rep := st.t, st.r
	// Either property may be chosen by a condition (`!If`): every
	// branch counts.
	ss := cfn.Branches(r.Prop("SecretString"))
	var fields []string
	jsonOK := false
	for _, b := range ss {
		fs, ok := st.secretFields(r.ID, b)
		fields, jsonOK = append(fields, fs...), jsonOK || ok
	}
	gens := cfn.Branches(r.Prop("GenerateSecretString"))
	db := st.dbSecrets[r.ID]
	for _, gen := range gens {
		tmplKeys, _ := st.jsonKeys(cfn.Get(gen, "SecretStringTemplate"))
		key := cfn.ScalarValue(cfn.Get(gen, "GenerateStringKey"))
		if strings.EqualFold(key, "password") && containsFold(tmplKeys, "username") {
			db = true
		}
	}
	if st.rotated[r.ID] {
		return
	}
	var names []string
	if n, ok := t.Name(r.Prop("Name")); ok && n != "" && !strings.Contains(n, "${") {
		names = append(names, n)
	}
	for _, e := range t.ExportNames(r.ID) {
		names = append(names, "import:"+e)
	}
	switch {
	case db:
		if !rep.skip(ruleRotation) {
			rep.addPending(ruleRotation, r.Key, names, rep.message(ruleRotation, "secret", r.ID))
		}
	case !st.usedSecrets[r.ID] && len(gens) == 0 && len(ss) > 0 && st.plainConfig(r, fields, jsonOK):
		if !rep.skip(ruleUnrotated) {
			rep.addPending(ruleUnrotated, r.Key, names, rep.message(ruleUnrotated, "secret", r.ID))
		}
	}
}

// plainConfig reports whether a secret holds plain configuration: a JSON
// object of non-secret keys, or a value under a configuration name.
func (st *cfnState) plainConfig(r *cfn.Resource, fields []string, jsonOK bool) bool {
	if jsonOK {
		if len(fields) == 0 {
			return false
		}
		for _, k := range fields {
			if st.r.credName(k).Credential() {
				return false
			}
		}
		return true
	}
	name, ok := st.t.Name(r.Prop("Name"))
	if !ok {
		return false
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	n := st.r.credName(name)
	return n.Kind != nil && !n.Kind.Secret
}

// secretFields reports literal credentials in the JSON of a SecretString
// and returns its keys; ok is false when it is not a JSON object.
func (st *cfnState) secretFields(owner string, ss *yaml.Node) (keys []string, ok bool) {
	if ss == nil {
		return nil, false
	}
	s, isText := st.t.Flat(ss)
	if !isText {
		return nil, false
	}
	var obj map[string]any
	if json.Unmarshal([]byte(s), &obj) != nil {
		return nil, false
	}
	str := ss
	if fn, arg := cfn.Intrinsic(ss); fn == "Fn::Sub" {
		str = arg
		if arg.Kind == yaml.SequenceNode {
			str = arg.Content[0]
		}
	}
	for k, v := range obj {
		keys = append(keys, k)
		val, isStr := v.(string)
		name := st.r.credName(k)
		if !isStr || !name.Credential() || strings.Contains(val, "${") || strings.Contains(val, "{{resolve:") {
			continue
		}
		if st.r.skip(ruleCredential) || !st.r.literalCredential(name, val) {
			continue
		}
		vs, ve := 0, 0
		if str.Kind == yaml.ScalarNode && str.Value == s {
			if i := strings.Index(s, `"`+val+`"`); i >= 0 {
				vs, ve = i+1, i+1+len(val)
			}
		}
		u := credUse{path: "Resources." + owner + ".Properties.SecretString." + k, name: name}
		st.literalCred(u, cfn.Leaf{Source: cfn.SourceLiteral, Node: str, Start: vs, End: ve, Text: val})
	}
	return keys, true
}

// jsonKeys returns the keys of a JSON object written in a string node.
func (st *cfnState) jsonKeys(n *yaml.Node) ([]string, bool) {
	s, ok := st.t.Flat(n)
	if !ok {
		return nil, false
	}
	var obj map[string]any
	if json.Unmarshal([]byte(s), &obj) != nil {
		return nil, false
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	return keys, true
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
