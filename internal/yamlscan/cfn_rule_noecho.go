package yamlscan

import "github.com/awsguard/secretlint/internal/cfn"

// noEchoRule checks the template parameters that carry credentials, by
// use or by name: they must be NoEcho (secret-parameter-without-noecho),
// and the default of one named as a credential must not be a literal
// credential (hardcoded-credential). Parameters read from Parameter
// Store are left to the hierarchy rule.
type noEchoRule struct{ noCollect }

func (noEchoRule) check(st *cfnState) {
	rep := st.r
	for _, k := range st.t.ParamNames() {
		p := st.t.Params[k]
		if p.SSMType() {
			continue
		}
		use := st.use(p)
		byName := rep.credName(p.Name)
		if !use.cred && byName.Credential() {
			use.cred = true
			if p.Default != nil && !st.defaults[p] {
				u := credUse{path: "Parameters." + p.Name + ".Default", name: byName, db: isDBName(byName)}
				for _, l := range st.t.Eval(p.Default) {
					if l.Source == cfn.SourceLiteral {
						st.literalCred(u, l)
					}
				}
			}
		}
		if use.cred && !p.NoEcho && !rep.skip(ruleNoEcho) {
			kind := byName
			if !kind.Credential() {
				kind = rep.credName(kindIdent[kindPassword])
				if use.db {
					kind = rep.credName(kindIdent[kindDB])
				}
			}
			rep.addNode(ruleNoEcho, p.Key, 0, 0, false, rep.message(ruleNoEcho, "param", p.Name, "kind", kind.Kind.Title.In(rep.lang())))
		}
	}
}
