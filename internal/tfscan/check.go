package tfscan

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// dbAttrs are the DB credential attributes of each resource type, and the
// flag that lets the service manage the password instead.
var dbAttrs = map[string]struct {
	attrs []string
	flag  string
}{
	"aws_db_instance":                   {[]string{"password", "password_wo"}, "manage_master_user_password"},
	"aws_rds_cluster":                   {[]string{"master_password", "master_password_wo"}, "manage_master_user_password"},
	"aws_docdb_cluster":                 {[]string{"master_password", "master_password_wo"}, "manage_master_user_password"},
	"aws_neptune_cluster":               {[]string{"master_password"}, ""},
	"aws_redshift_cluster":              {[]string{"master_password", "master_password_wo"}, "manage_master_password"},
	"aws_redshiftserverless_namespace":  {[]string{"admin_user_password", "admin_user_password_wo"}, "manage_admin_password"},
	"aws_elasticache_replication_group": {[]string{"auth_token"}, ""},
	"aws_dms_endpoint":                  {[]string{"password"}, ""},
}

// check runs every rule over a module instance and the local modules it
// calls.
func (e *evaluator) check(in *inst) {
	if e.dbFed == nil {
		e.dbFed, e.reported, e.credVars = map[string]bool{}, map[string]bool{}, map[*block]string{}
	}
	e.insts = append(e.insts, in)
	// Literals first: a literal is best described where it is written.
	e.literals(in)
	for _, b := range in.m.blocks {
		if b.kind == "resource" {
			if spec, ok := dbAttrs[b.typ]; ok {
				e.dbCheck(in, b, spec.attrs, spec.flag)
			}
		}
	}
	e.registryCalls(in, true)
	for _, b := range in.m.blocks {
		switch {
		case b.kind == "resource" && b.typ == "aws_ssm_parameter":
			e.ssmParameter(in, b)
		case b.kind == "resource" && b.typ == "aws_secretsmanager_secret":
			e.rotation(in, b)
		case b.kind != "resource" && b.typ == "aws_secretsmanager_secret_version":
			e.versionPin(in, b)
		case b.kind == "provider" && b.typ == "aws":
			e.provider(in, b)
		}
		e.policies(in, b)
	}
	e.registryCalls(in, false)
	e.exposure(in)
	for _, name := range sortedKeys(in.m.calls) {
		if c := e.child(in, name); c != nil {
			e.check(c)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// at reports a candidate at an attribute: at the module argument where a
// value entered the module when it came from a caller, else at the
// attribute's value.
func (e *evaluator) at(v val, a *hclsyntax.Attribute, rule, msg string) {
	if v.entry != nil {
		a = v.entry
	}
	if f := e.sc.fileOf(a.SrcRange); f != nil {
		e.sc.addAt(f, rule, a.Expr.Range(), msg)
	}
}

// atBlock reports a candidate at a block's first label.
func (e *evaluator) atBlock(b *block, rule, msg string) {
	r := b.b.TypeRange
	if len(b.b.LabelRanges) > 0 {
		r = b.b.LabelRanges[len(b.b.LabelRanges)-1]
	}
	e.sc.addAt(b.f, rule, r, msg)
}

// fileOf returns the parsed file of a range.
func (sc *Scanner) fileOf(r hcl.Range) *tfFile {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.parsed[r.Filename]
}

func (e *evaluator) lang() string { return e.sc.s.Lang }

func (e *evaluator) kindTitle(n match.Name) string {
	if n.Kind == nil {
		return ""
	}
	return n.Kind.Title.In(e.lang())
}

// evidence describes where a Parameter Store value is read.
func (e *evaluator) evidence(v val) string {
	switch {
	case strings.Contains(v.addr, "ephemeral."):
		return e.sc.s.Phrase("tf_evidence_ephemeral", "source", v.addr)
	case strings.Contains(v.addr, "data."):
		return e.sc.s.Phrase("tf_evidence_data", "source", v.addr)
	}
	return e.sc.s.Phrase("tf_evidence_resource", "source", v.addr)
}

// dbCheck checks the credential attributes of a database resource or of
// a registry module call that wraps one; flag is the attribute that lets
// the service manage the password.
func (e *evaluator) dbCheck(in *inst, b *block, attrs []string, flag string) {
	managed := false
	if flag != "" {
		if a := b.attr(flag); a != nil {
			managed, _ = literalBool(a.Expr)
		}
	}
	for _, attr := range attrs {
		a := b.attr(attr)
		if a == nil {
			continue
		}
		subject := e.sc.s.Phrase("tf_attribute_of", "attr", attr, "resource", in.prefix+b.addr())
		if managed {
			e.at(val{}, a, ruleid.DBCredentialNotManaged, e.sc.s.MessageAs(ruleid.DBCredentialNotManaged, "conflict", "subject", subject, "flag", flag))
		}
		name := e.sc.m.ClassifyName(b.typ + "_" + strings.TrimSuffix(attr, "_wo"))
		var ssm []val
		for _, v := range e.eval(in, a.Expr) {
			if v.kind == vSSM {
				ssm = append(ssm, v)
			}
			e.dbValue(in, b, a, v, subject, name, flag)
		}
		e.dbFromSSM(a, ssm, subject)
	}
}

// dbFromSSM reports the Parameter Store sources of a DB credential
// attribute: one finding per place, naming every parameter.
func (e *evaluator) dbFromSSM(a *hclsyntax.Attribute, vs []val, subject string) {
	groups := map[*hclsyntax.Attribute][]val{}
	var order []*hclsyntax.Attribute
	for _, v := range vs {
		e.reported[v.addr] = true
		if _, ok := groups[v.entry]; !ok {
			order = append(order, v.entry)
		}
		groups[v.entry] = append(groups[v.entry], v)
	}
	for _, k := range order {
		g := groups[k]
		var params []string
		for _, v := range g {
			p := v.param
			if p == "" {
				p = v.addr
			}
			if !slices.Contains(params, p) {
				params = append(params, p)
			}
		}
		evidence := ""
		if len(g) == 1 {
			evidence = e.evidence(g[0])
		}
		e.at(g[0], a, ruleid.DBCredentialInParameterStore, e.sc.s.Message(ruleid.DBCredentialInParameterStore,
			"subject", subject, "param", strings.Join(params, ", "), "evidence", evidence))
	}
}

// dbValue checks one outcome of a DB credential attribute.
func (e *evaluator) dbValue(in *inst, b *block, a *hclsyntax.Attribute, v val, subject string, name match.Name, flag string) {
	flagText := flag
	if flagText != "" {
		flagText += " = true"
	}
	if v.via != nil {
		e.credVars[v.via] = e.kindTitle(name)
	}
	switch v.kind {
	case vSSM: // reported by dbFromSSM
	case vRandom:
		e.dbFed[v.addr] = true
		if !v.ephemeral && !e.storedInSecretsManager(in, v.addr) {
			e.at(v, a, ruleid.DBCredentialNotManaged, e.sc.s.MessageAs(ruleid.DBCredentialNotManaged, "terraform-random",
				"subject", subject, "param", v.addr, "flag", flagText))
		}
	case vSecret:
		e.dbFed[v.param] = true
	case vLit:
		e.literal(v, name, subject)
		fallthrough
	case vUnknown:
		// A write-only attribute fed by an ephemeral value is the good case.
		if v.via != nil && (!v.ephemeral || !strings.HasSuffix(a.Name, "_wo")) {
			variant, param := "terraform", "var."+v.via.name
			if call := entryCall(in, v); call != "" {
				// The value is written at the module call's argument,
				// not in a variable the user sees there.
				variant, param = "terraform-argument", e.sc.s.Phrase("tf_module_argument", "arg", v.entry.Name, "call", call)
			}
			e.at(v, a, ruleid.DBCredentialNotManaged, e.sc.s.MessageAs(ruleid.DBCredentialNotManaged, variant,
				"subject", subject, "param", param, "flag", flagText))
		}
	}
}

// entryCall returns the address of the module call whose argument a
// value entered by, when the variable it went through is declared in the
// called module rather than where the argument is written; else "".
func entryCall(in *inst, v val) string {
	if v.entry == nil || v.via == nil || v.via.f == nil {
		return ""
	}
	for c := in; c != nil && c.parent != nil; c = c.parent {
		if c.call.b.Body.Attributes[v.entry.Name] != v.entry {
			continue
		}
		if v.via.f.path == v.entry.SrcRange.Filename || c.parent.m.vars[v.via.name] == v.via {
			return ""
		}
		return c.parent.prefix + c.call.addr()
	}
	return ""
}

// literal reports a literal credential value where the literal is.
func (e *evaluator) literal(v val, name match.Name, place string) {
	if v.kind != vLit || !e.sc.m.LiteralCredential(ruleid.HardcodedCredential, name, v.s) {
		return
	}
	f := e.sc.fileOf(v.rng)
	if f == nil {
		return
	}
	msg := e.sc.s.Message(ruleid.HardcodedCredential, "kind", e.kindTitle(name), "place", place)
	start, end := v.rng.Start.Byte, v.rng.End.Byte
	if end > len(f.src) || string(f.src[start:end]) != v.s {
		end = -1 // escapes or a template: the source text is not the value
	}
	e.sc.add(f, ruleid.HardcodedCredential, start, end, msg)
}

// storedInSecretsManager reports whether a generated password is written
// to a Secrets Manager secret version of the module.
func (e *evaluator) storedInSecretsManager(in *inst, addr string) bool {
	var as []*hclsyntax.Attribute
	for _, b := range in.m.byType("resource", "aws_secretsmanager_secret_version") {
		a := b.attr("secret_string")
		if a == nil {
			a = b.attr("secret_string_wo")
		}
		as = append(as, a)
	}
	for _, b := range e.moduleSecretValues(in) {
		mod := e.registryModule(b)
		for _, n := range mod.Values {
			as = append(as, b.attr(n))
		}
	}
	for _, a := range as {
		if a == nil {
			continue
		}
		for _, v := range e.eval(in, a.Expr) {
			if v.kind == vRandom && v.addr == addr {
				return true
			}
		}
	}
	return false
}

// isDB reports whether a name classifies as a DB credential.
func isDB(n match.Name) bool {
	return n.Credential() && (n.Kind.ID == "db-credential" || n.Kind.ID == "db-credential-term")
}

// lastSegment returns the part of a parameter name after its last '/'.
func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// ssmShape names the attributes of a parameter: those of the resource,
// or the inputs of a registry module that wraps it.
type ssmShape struct {
	name   string
	values []string
	// typ sets the type; secure, a bool, makes it a SecureString;
	// insecure holds a plaintext value whatever the type.
	typ, secure, insecure string
}

var ssmResource = ssmShape{name: "name", values: []string{"value", "value_wo", "insecure_value"}, typ: "type", insecure: "insecure_value"}

// ssmParameter checks an aws_ssm_parameter resource.
func (e *evaluator) ssmParameter(in *inst, b *block) { e.ssmCheck(in, b, ssmResource) }

// ssmCheck checks a parameter: what it holds, its type and its name.
func (e *evaluator) ssmCheck(in *inst, b *block, sh ssmShape) {
	nameAttr := b.attr(sh.name)
	name := e.nameOf(in, b, sh.name)
	if nameAttr != nil && name != "" {
		e.hierarchy(in, nameAttr, name)
	}
	cred := e.classifyParam(name)
	if !cred.Credential() {
		if d := e.nameOf(in, b, "description"); d != "" {
			if dn := e.sc.m.ClassifyName(d); dn.Credential() {
				cred = dn
			}
		}
	}
	secret, db := cred.Credential(), isDB(cred)
	param := name
	if param == "" {
		param = in.prefix + b.addr()
	}
	for _, attr := range sh.values {
		a := b.attr(attr)
		if a == nil {
			continue
		}
		for _, v := range e.eval(in, a.Expr) {
			switch v.kind {
			case vRandom:
				secret = true
				db = db || e.dbFed[v.addr]
			case vSecret:
				secret = true
				db = db || e.dbFed[v.param]
			case vLit:
				if cred.Credential() {
					e.literal(v, cred, e.sc.s.Phrase("tf_attribute_of", "attr", attr, "resource", in.prefix+b.addr()))
				}
			}
		}
	}
	if !secret {
		return
	}
	if !cred.Credential() {
		cred = e.sc.m.ClassifyName("password")
		if db {
			cred = e.sc.m.ClassifyName("db_password")
		}
	}
	subject := e.kindTitle(cred)
	at := func(rule, msg string) {
		if nameAttr != nil {
			e.sc.addAt(b.f, rule, nameAttr.Expr.Range(), msg)
		} else {
			e.atBlock(b, rule, msg)
		}
	}
	switch {
	case db:
		at(ruleid.DBCredentialInParameterStore, e.sc.s.MessageAs(ruleid.DBCredentialInParameterStore, "write", "subject", subject, "param", param, "evidence", ""))
	case cred.Kind.Store == secretlint.StoreSecretsManager:
		at(ruleid.SecretInParameterStore, e.sc.s.MessageAs(ruleid.SecretInParameterStore, "write", "subject", subject, "param", param, "evidence", ""))
	}
	typ, ta, ok := paramType(b, sh)
	if !ok || typ == "SecureString" && (sh.insecure == "" || b.attr(sh.insecure) == nil) {
		return
	}
	msg := e.sc.s.Message(ruleid.PlaintextSecretParameter, "subject", subject, "param", param, "type", typ)
	if ta != nil {
		e.sc.addAt(b.f, ruleid.PlaintextSecretParameter, ta.Expr.Range(), msg)
	} else {
		e.atBlock(b, ruleid.PlaintextSecretParameter, msg)
	}
}

// paramType returns a parameter's type and the attribute that sets it
// (nil when none does and the type is the default String); ok is false
// when the type is not known.
func paramType(b *block, sh ssmShape) (typ string, at *hclsyntax.Attribute, ok bool) {
	if ta := b.attr(sh.typ); ta != nil {
		t, ok := literalString(ta.Expr)
		return t, ta, ok
	}
	if sa := b.attr(sh.secure); sh.secure != "" && sa != nil {
		on, ok := literalBool(sa.Expr)
		if on {
			return "SecureString", sa, ok
		}
		return "String", sa, ok
	}
	return "String", nil, true
}

// ssmRead checks a data source or ephemeral resource that reads a
// parameter named like a credential and that no use has reported.
func (e *evaluator) ssmRead(in *inst, b *block) {
	nameAttr := b.attr("name")
	name := e.nameOf(in, b, "name")
	if nameAttr != nil && name != "" {
		e.hierarchy(in, nameAttr, name)
	}
	if e.reported[in.prefix+b.addr()] || name == "" {
		return
	}
	cred := e.classifyParam(name)
	if !cred.Credential() {
		return
	}
	rule := ruleid.SecretInParameterStore
	if isDB(cred) {
		rule = ruleid.DBCredentialInParameterStore
	} else if cred.Kind.Store != secretlint.StoreSecretsManager {
		return
	}
	v := val{addr: in.prefix + b.addr()}
	e.sc.addAt(b.f, rule, nameAttr.Expr.Range(), e.sc.s.Message(rule, "subject", e.kindTitle(cred), "param", name, "evidence", e.evidence(v)))
}

// classifyParam classifies a parameter name by its last segment, and as a
// DB credential when the whole path says so: /shop/prd/db/PASSWORD, or
// /production/database/password/master, whose last segment says nothing.
func (e *evaluator) classifyParam(name string) match.Name {
	n := e.sc.m.ClassifyName(lastSegment(name))
	if n.Kind == nil && strings.Contains(name, "/") || n.Credential() && !isDB(n) {
		if full := e.sc.m.ClassifyName(name); isDB(full) {
			return full
		}
	}
	return n
}
