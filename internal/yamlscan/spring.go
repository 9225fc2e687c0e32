package yamlscan

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// springDocument checks a Spring Boot configuration document
// (application*.yml|yaml|properties, bootstrap*.yml): real-looking
// defaults of `${ENV:default}` placeholders given to credentials
// (hardcoded-credential), and Parameter Store property sources that
// supply datasource credentials (db-credential-in-parameter-store):
// `spring.config.import: [optional:]aws-parameterstore:…` and the Spring
// Cloud AWS 2.x `aws.paramstore.*` settings. `aws-secretsmanager:` is the
// good case.
func (f *fileScan) springDocument(root *yaml.Node) {
	sp := &springDoc{}
	walkScalars(root, nil, func(p []string, n *yaml.Node) {
		if !literal(n) {
			return
		}
		keys := keysOf(p)
		f.springDefaults(keys, p, n, n.Value, 0, 0)
		sp.note(springKey(keys), n)
	})
	f.springStores(sp)
}

// springDoc is what a document says about its datasources and property
// sources.
type springDoc struct {
	// ds says, by settings prefix, whether a datasource (JDBC, R2DBC,
	// Flyway, Liquibase, MongoDB, Redis) is configured and whether its
	// password is given in the file or by an environment variable.
	ds map[string]*dsState
	// psImports are the Parameter Store sources; smImport is set when a
	// Secrets Manager source is imported.
	psImports []springSource
	smImport  bool
	appName   string
	// legacy is the `aws.paramstore.*` setting, with its prefix and name.
	legacy                   *yaml.Node
	legacyPrefix, legacyName string
}

type dsState struct{ used, pwGiven bool }

// needsPassword reports whether a configured datasource has no password
// in the file.
func (sp *springDoc) needsPassword() bool {
	for _, d := range sp.ds {
		if d.used && !d.pwGiven {
			return true
		}
	}
	return false
}

// springSource is a Parameter Store source: the scalar holding it, the
// range of the item in it and the path it loads.
type springSource struct {
	n      *yaml.Node
	vs, ve int
	path   string
}

// springKey normalises a key path the way relaxed binding reads it:
// lower case, dots, no dashes or underscores.
func springKey(keys []string) string {
	k := strings.ToLower(strings.Join(keys, "."))
	return strings.NewReplacer("-", "", "_", ".").Replace(k)
}

// dsGroups are the prefixes of datasource settings.
var dsGroups = []string{"spring.datasource.", "spring.r2dbc.", "spring.flyway.", "spring.liquibase.", "spring.data.mongodb.", "spring.data.redis.", "spring.redis."}

// propRef is a value that only names another property.
var propRef = regexp.MustCompile(`^\$\{[a-z][a-z0-9.\-]*\}$`)

func (sp *springDoc) note(key string, n *yaml.Node) {
	switch {
	case key == "spring.config.import":
		sp.imports(n)
	case key == "spring.application.name":
		sp.appName = n.Value
	case strings.HasPrefix(key, "aws.paramstore."):
		switch strings.TrimPrefix(key, "aws.paramstore.") {
		case "prefix":
			sp.legacyPrefix = n.Value
		case "name":
			sp.legacyName = n.Value
		case "enabled":
			if strings.EqualFold(n.Value, "false") {
				sp.legacy = nil
				return
			}
		}
		if sp.legacy == nil {
			sp.legacy = n
		}
	case strings.HasPrefix(key, "aws.secretsmanager."):
		sp.smImport = sp.smImport || !strings.EqualFold(n.Value, "false") || !strings.HasSuffix(key, ".enabled")
	}
	for _, g := range dsGroups {
		rest, ok := strings.CutPrefix(key, g)
		if !ok {
			continue
		}
		last := rest[strings.LastIndexByte(rest, '.')+1:]
		if sp.ds == nil {
			sp.ds = map[string]*dsState{}
		}
		d := sp.ds[g]
		if d == nil {
			d = &dsState{}
			sp.ds[g] = d
		}
		switch {
		case last == "password" && n.Value != "" && !propRef.MatchString(strings.TrimSpace(n.Value)):
			d.pwGiven = true
		case last == "url" || last == "jdbcurl" || last == "username" || last == "user" || last == "uri" || last == "host":
			d.used = true
		}
		break
	}
}

// imports reads the items of a spring.config.import value: a list, or
// comma-separated locations.
func (sp *springDoc) imports(n *yaml.Node) {
	off := 0
	for _, item := range strings.Split(n.Value, ",") {
		vs := off + len(item) - len(strings.TrimLeft(item, " \t"))
		off += len(item) + 1
		loc := strings.TrimSpace(item)
		loc = strings.TrimPrefix(loc, "optional:")
		switch {
		case strings.HasPrefix(loc, "aws-secretsmanager:"):
			sp.smImport = true
		case strings.HasPrefix(loc, "aws-parameterstore:"):
			paths := strings.TrimPrefix(loc, "aws-parameterstore:")
			for _, p := range strings.Split(paths, ";") {
				sp.psImports = append(sp.psImports, springSource{n: n, vs: vs, ve: vs + len(strings.TrimSpace(item)), path: strings.TrimSpace(p)})
			}
		}
	}
}

// springStores reports the Parameter Store sources that supply a
// datasource password: one whose path names a DB credential, or any when
// a datasource is configured without a password and no Secrets Manager
// source is imported.
func (f *fileScan) springStores(sp *springDoc) {
	if sp.legacy != nil {
		prefix := sp.legacyPrefix
		if prefix == "" {
			prefix = "/config"
		}
		name := sp.legacyName
		if name == "" {
			name = sp.appName
		}
		if name == "" {
			name = "application"
		}
		sp.psImports = append(sp.psImports, springSource{n: sp.legacy, path: strings.TrimSuffix(prefix, "/") + "/" + name + "/"})
	}
	needs := sp.needsPassword() && !sp.smImport
	subject := f.s.Phrase("spring_datasource_subject")
	for _, src := range sp.psImports {
		path := src.path
		if path == "" {
			path = "/config/application/"
			if sp.appName != "" {
				path = "/config/" + sp.appName + "/"
			}
		}
		kind := f.ident(path).name
		kind.Reference = false
		if !isDBName(kind) {
			if !needs {
				continue
			}
			kind = f.ident(kindIdent[kindDB]).name
		}
		f.storeAt(kind, src.n, src.vs, src.ve, "", subject, path, f.s.Phrase("spring_ps_source"))
	}
}

// springDefaults reports a real-looking default of a `${NAME:default}`
// placeholder given to a credential key, at value[vs:ve] of n (all of it
// when ve is 0).
func (f *fileScan) springDefaults(keys, p []string, n *yaml.Node, v string, base, depth int) {
	if depth > maxVarDepth || !strings.Contains(v, "${") || f.skip(ruleCredential) {
		return
	}
	for off := 0; off < len(v); {
		i := strings.Index(v[off:], "${")
		if i < 0 {
			return
		}
		start := off + i
		end := closeVar(v, start)
		if end < 0 {
			return
		}
		off = end
		body := v[start+2 : end-1]
		colon := strings.IndexByte(body, ':')
		if colon < 0 {
			continue
		}
		def := body[colon+1:]
		ds := base + start + 2 + colon + 1
		if strings.Contains(def, "${") {
			f.springDefaults(keys, p, n, def, ds, depth+1)
			continue
		}
		name := f.keyName(keys)
		if !name.Credential() || !f.m.LiteralCredential(ruleCredential, name, def) {
			continue
		}
		place := f.s.Phrase("yaml_value_at", "path", joinPath(p))
		if isPropertiesName(f.rel) {
			place = f.s.Phrase("properties_value_at", "path", joinPath(p))
		}
		place = f.s.Phrase("spring_default_at", "place", place)
		f.report(ruleCredential, n, ds, ds+len(def), "kind", name.Kind.Title.In(f.s.Lang), "place", place)
	}
}
