package yamlscan

import (
	"strings"

	"github.com/awsguard/secretlint/internal/cfn"
)

// ssmParamRule checks AWS::SSM::Parameter resources: CloudFormation
// creates them as plaintext Strings, so they must hold no secret
// (plaintext-secret-parameter, db-credential-in-parameter-store,
// hardcoded-credential); their names must follow the hierarchy.
type ssmParamRule struct{ noCollect }

func (ssmParamRule) check(st *cfnState) {
	for _, r := range st.t.Order {
		if r.Type == typeSSMParameter {
			st.ssmParameter(r)
		}
	}
}

func (st *cfnState) ssmParameter(r *cfn.Resource) {
	rep := st.r
	nameNode := r.Prop("Name")
	name, hasName := st.t.Name(nameNode)
	if hasName {
		st.hierarchyAt(name, nameNode, 0, 0)
	}
	last := name
	if i := strings.LastIndexByte(last, '/'); i >= 0 {
		last = last[i+1:]
	}
	cred := rep.credName(last)
	if !cred.Credential() {
		if d, ok := st.t.Flat(r.Prop("Description")); ok {
			if dn := rep.credName(d); dn.Credential() {
				cred = dn
			}
		}
	}
	secret := cred.Credential()
	value := r.Prop("Value")
	for _, l := range st.t.Eval(value) {
		switch {
		case l.Source == cfn.SourceLiteral && cred.Credential():
			st.literalCred(credUse{path: "Resources." + r.ID + ".Properties.Value", name: cred}, l)
		case l.Ref != nil && (l.Source == cfn.SourceSecretsManager || l.Source == cfn.SourceSSMSecure),
			l.Source == cfn.SourceParam && (l.Param.NoEcho || st.use(l.Param).cred),
			l.Source == cfn.SourceSecretsManager:
			secret = true
		}
	}
	if !secret {
		return
	}
	param := name
	if !hasName || name == "" {
		param = r.ID
	}
	// The store rule goes on the name (the logical ID without one), the
	// plaintext rule on the type: both apply.
	at := nameNode
	if at == nil || !hasName {
		at = r.Key
	}
	kind := cred
	if !kind.Credential() {
		kind = rep.credName(kindIdent[kindPassword])
	}
	subject := kind.Kind.Title.In(rep.lang())
	store := ruleSecretInPS
	if isDBName(cred) {
		store = ruleDBInPS
	}
	if !rep.skip(store) {
		rep.addNode(store, at, 0, 0, false, rep.messageAs(store, "write", "subject", subject, "param", param, "evidence", ""))
	}
	typ := cfn.ScalarValue(r.Prop("Type"))
	if rep.skip(rulePlainParam) || typ == "SecureString" {
		return
	}
	typeAt := r.Prop("Type")
	if typeAt == nil {
		typeAt = at
	}
	if typ == "" {
		typ = "String"
	}
	rep.addNode(rulePlainParam, typeAt, 0, 0, false, rep.message(rulePlainParam, "subject", subject, "param", param, "type", typ))
}
