package tfscan

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// rotation reports an aws_secretsmanager_secret that holds DB credentials
// when no aws_secretsmanager_secret_rotation of the configuration
// rotates it.
func (e *evaluator) rotation(in *inst, b *block) {
	addr := b.addr()
	name := e.nameOf(in, b, "name")
	if !e.holdsDB(in, b, name) {
		return
	}
	for _, r := range in.m.byType("resource", "aws_secretsmanager_secret_rotation") {
		a := r.attr("secret_id")
		if a == nil {
			continue
		}
		if refTo(a.Expr, "aws_secretsmanager_secret") == addr {
			return
		}
		if id, ok := literalString(a.Expr); ok && name != "" && (id == name || strings.Contains(id, ":secret:"+name)) {
			return
		}
	}
	secret := name
	if secret == "" {
		secret = in.prefix + addr
	}
	e.atBlock(b, ruleid.SecretRotationMissing, e.sc.s.MessageAs(ruleid.SecretRotationMissing, "terraform", "secret", secret))
}

// dbKeys are the keys of the JSON a DB secret holds beside its password.
var dbKeys = []string{"engine", "dbname", "dbClusterIdentifier", "dbInstanceIdentifier"}

// holdsDB reports whether a secret holds DB credentials: by its name, by
// a DB attribute reading it, or by what its versions hold.
func (e *evaluator) holdsDB(in *inst, b *block, name string) bool {
	addr := in.prefix + b.addr()
	// Every secret is a credential: a name with a DB word names DB
	// credentials (shop/prd/orders-db).
	if e.dbFed[addr] || name != "" && isDB(e.sc.m.ClassifyName(name+"/password")) {
		return true
	}
	for _, v := range in.m.byType("resource", "aws_secretsmanager_secret_version") {
		a := v.attr("secret_id")
		if a == nil || refTo(a.Expr, "aws_secretsmanager_secret") != b.addr() {
			continue
		}
		s := v.attr("secret_string")
		if s == nil {
			s = v.attr("secret_string_wo")
		}
		if s != nil && e.dbJSON(in, s.Expr) {
			return true
		}
	}
	return false
}

// dbSecret reports whether a registry secret module call holds DB
// credentials: by its name, or by what its value inputs hold.
func (e *evaluator) dbSecret(in *inst, b *block, name string, values []string) bool {
	if name != "" && isDB(e.sc.m.ClassifyName(name+"/password")) {
		return true
	}
	for _, n := range values {
		if a := b.attr(n); a != nil && e.dbJSON(in, a.Expr) {
			return true
		}
	}
	return false
}

// dbJSON reports whether a secret's value is a DB credential: a
// generated password that feeds a database, or JSON with a password and
// a database key.
func (e *evaluator) dbJSON(in *inst, x hclsyntax.Expression) bool {
	pw, dbKey := false, false
	for _, v := range e.eval(in, x) {
		if v.kind == vRandom && e.dbFed[v.addr] {
			return true
		}
		pw = pw || v.key == "password"
		for _, k := range dbKeys {
			dbKey = dbKey || v.key == k
		}
	}
	return pw && dbKey
}

// versionPin reports a secret version read pinned to a version ID or a
// stage other than AWSCURRENT.
func (e *evaluator) versionPin(in *inst, b *block) {
	secret := e.secretOf(in, b)
	if secret == "" {
		secret = in.prefix + b.addr()
	}
	if a := b.attr("version_id"); a != nil {
		v, _ := literalString(a.Expr)
		if v == "" {
			v = "…"
		}
		e.sc.addAt(b.f, ruleid.RotationBreakingVersionPin, a.Expr.Range(), e.sc.s.MessageAs(ruleid.RotationBreakingVersionPin, "terraform",
			"secret", secret, "pin", e.sc.s.Phrase("tf_pin_version_id", "version", v)))
		return
	}
	if a := b.attr("version_stage"); a != nil {
		if v, ok := literalString(a.Expr); ok && v != "AWSCURRENT" && v != "" {
			e.sc.addAt(b.f, ruleid.RotationBreakingVersionPin, a.Expr.Range(), e.sc.s.MessageAs(ruleid.RotationBreakingVersionPin, "terraform",
				"secret", secret, "pin", e.sc.s.Phrase("tf_pin_version_stage", "stage", v)))
		}
	}
}

// provider reports literal static credentials of an aws provider.
func (e *evaluator) provider(in *inst, b *block) {
	place := e.sc.s.Phrase("tf_provider", "name", b.typ)
	for _, attr := range []string{"access_key", "secret_key"} {
		a := b.attr(attr)
		if a == nil {
			continue
		}
		for _, v := range e.eval(in, a.Expr) {
			if v.kind != vLit {
				continue
			}
			ok := e.sc.m.AWSAccessKeyID(ruleid.StaticAWSCredentials, v.s)
			if attr == "secret_key" {
				ok = e.sc.m.AWSSecretAccessKey(ruleid.StaticAWSCredentials, v.s)
			}
			if f := e.sc.fileOf(v.rng); ok && f != nil {
				e.sc.add(f, ruleid.StaticAWSCredentials, v.rng.Start.Byte, v.rng.End.Byte, e.sc.s.Message(ruleid.StaticAWSCredentials, "place", place))
			}
		}
	}
}

// interp matches a template interpolation in a parameter name.
var interp = regexp.MustCompile(`\$\{[^}]*\}`)

// hierarchy reports a Parameter Store name outside the configured
// hierarchy.
func (e *evaluator) hierarchy(in *inst, a *hclsyntax.Attribute, name string) {
	h := e.sc.s.ParameterHierarchy
	if h == "" {
		h = config.DefaultParameterHierarchy
	}
	re, err := config.HierarchyRegexp(h)
	if err != nil {
		return
	}
	if plain := interp.ReplaceAllString(name, "x"); strings.HasPrefix(plain, "/aws/") || re.MatchString(plain) {
		return
	}
	e.sc.addAt(e.sc.fileOf(a.SrcRange), ruleid.ParameterNameNotHierarchical, a.Expr.Range(),
		e.sc.s.Message(ruleid.ParameterNameNotHierarchical, "param", name, "pattern", h))
}
