package tfscan

import (
	"slices"
	"strings"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// registrySource returns the registry address (namespace/name/provider)
// of a module source: a registry address with or without its host, or a
// github.com repository named terraform-<provider>-<name>, through git::,
// https://, ssh or scp-like URLs. A source with a subdirectory (//modules/x)
// names another module and returns "".
func registrySource(src string) string {
	s := strings.ToLower(strings.TrimSpace(src))
	s = strings.TrimPrefix(s, "git::")
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	for _, p := range []string{"https://", "http://", "ssh://", "git@"} {
		s = strings.TrimPrefix(s, p)
	}
	if strings.Contains(s, "//") {
		return ""
	}
	for _, host := range []string{"registry.terraform.io/", "registry.opentofu.org/"} {
		s = strings.TrimPrefix(s, host)
	}
	if strings.HasPrefix(s, "github.com/") || strings.HasPrefix(s, "github.com:") {
		parts := strings.Split(strings.TrimSuffix(s[len("github.com/"):], ".git"), "/")
		if len(parts) != 2 {
			return ""
		}
		repo := strings.TrimPrefix(parts[1], "terraform-")
		provider, name, ok := strings.Cut(repo, "-")
		if !ok || repo == parts[1] {
			return ""
		}
		return parts[0] + "/" + name + "/" + provider
	}
	if strings.Count(s, "/") != 2 || strings.Contains(s, ".") || strings.Contains(s, ":") {
		return ""
	}
	return s
}

// registryModule returns the table entry of a module call's source, or nil.
func (e *evaluator) registryModule(call *block) *secretlint.TerraformModule {
	a := call.attr("source")
	if a == nil {
		return nil
	}
	src, ok := literalString(a.Expr)
	if !ok {
		return nil
	}
	key := registrySource(src)
	if key == "" {
		return nil
	}
	cat := e.sc.m.Catalogue()
	for i := range cat.TerraformModules {
		if cat.TerraformModules[i].Source == key {
			return &cat.TerraformModules[i]
		}
	}
	return nil
}

// wrapped returns a module call as the resource it wraps: a block of kind
// "module" whose attributes are the call's inputs.
func wrapped(call *block, mod *secretlint.TerraformModule) *block {
	return &block{kind: "module", typ: mod.Wraps, name: call.name, b: call.b, f: call.f}
}

// registryCredential reports whether an input of a module call is a
// database credential of a registry module.
func (e *evaluator) registryCredential(b *block, attr string) bool {
	if b.kind != "module" {
		return false
	}
	mod := e.registryModule(b)
	return mod != nil && slices.Contains(mod.Credentials, attr)
}

// registryCalls checks the calls of well-known registry modules like the
// resources they wrap.
func (e *evaluator) registryCalls(in *inst, db bool) {
	for _, name := range sortedKeys(in.m.calls) {
		call := in.m.calls[name]
		mod := e.registryModule(call)
		if mod == nil {
			continue
		}
		b := wrapped(call, mod)
		switch {
		case db && len(mod.Credentials) > 0:
			e.dbCheck(in, b, mod.Credentials, mod.ManagedBy)
		case db:
		case mod.Wraps == "aws_ssm_parameter":
			e.ssmCheck(in, b, ssmShape{name: mod.Name, values: mod.Values, typ: mod.Type, secure: mod.Secure})
		case mod.Wraps == "aws_secretsmanager_secret":
			e.moduleRotation(in, b, mod)
		}
	}
}

// moduleRotation reports a secret module call that holds DB credentials
// without its rotation input set to true.
func (e *evaluator) moduleRotation(in *inst, b *block, mod *secretlint.TerraformModule) {
	name := e.nameOf(in, b, mod.Name)
	ra := b.attr(mod.Rotation)
	if ra != nil {
		if on, ok := literalBool(ra.Expr); on || !ok {
			return // rotated, or decided elsewhere
		}
	}
	if !e.dbSecret(in, b, name, mod.Values) {
		return
	}
	secret := nonEmpty(name, in.prefix+b.addr())
	msg := e.sc.s.MessageAs(ruleid.SecretRotationMissing, "terraform-module", "secret", secret,
		"schedule", e.sc.s.Phrase("tf_attribute_of", "attr", mod.Rotation, "resource", in.prefix+b.addr()))
	if ra != nil {
		e.sc.addAt(b.f, ruleid.SecretRotationMissing, ra.Expr.Range(), msg)
		return
	}
	e.atBlock(b, ruleid.SecretRotationMissing, msg)
}

// moduleSecretValues returns the value inputs of the secret modules of a
// module instance.
func (e *evaluator) moduleSecretValues(in *inst) []*block {
	var out []*block
	for _, name := range sortedKeys(in.m.calls) {
		call := in.m.calls[name]
		if mod := e.registryModule(call); mod != nil && mod.Wraps == "aws_secretsmanager_secret" {
			out = append(out, wrapped(call, mod))
		}
	}
	return out
}
