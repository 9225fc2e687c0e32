package yamlscan

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
)

// credProp is a property of a resource type that carries a credential.
// Its path is dot-separated; a segment ending in [] is a list whose items
// are visited, and a segment starting with * matches any key with that
// suffix (`*Settings`).
type credProp struct {
	path string
	kind string // a catalogue kind ID
}

const (
	kindDB       = "db-credential"
	kindDBTerm   = "db-credential-term"
	kindPassword = "generic-password"
	kindToken    = "token"
)

// credProps lists the credential properties by resource type. DB
// credentials have the kind db-credential.
var credProps = map[string][]credProp{
	"AWS::RDS::DBInstance":                 {{"MasterUserPassword", kindDB}},
	"AWS::RDS::DBCluster":                  {{"MasterUserPassword", kindDB}},
	"AWS::DocDB::DBCluster":                {{"MasterUserPassword", kindDB}},
	"AWS::DocDBElastic::Cluster":           {{"AdminUserPassword", kindDB}},
	"AWS::Redshift::Cluster":               {{"MasterUserPassword", kindDB}},
	"AWS::RedshiftServerless::Namespace":   {{"AdminUserPassword", kindDB}},
	"AWS::DMS::Endpoint":                   {{"Password", kindDB}, {"*Settings.Password", kindDB}, {"*Settings.AsmPassword", kindDB}, {"*Settings.SecurityDbEncryption", kindDB}},
	"AWS::Glue::Connection":                {{"ConnectionInput.ConnectionProperties.PASSWORD", kindDB}},
	"AWS::ElastiCache::ReplicationGroup":   {{"AuthToken", kindDB}},
	"AWS::ElastiCache::User":               {{"Passwords[]", kindDB}},
	"AWS::KinesisFirehose::DeliveryStream": {{"RedshiftDestinationConfiguration.Password", kindDB}, {"SplunkDestinationConfiguration.HECToken", kindToken}},
	"AWS::OpsWorks::Stack":                 {{"RdsDbInstances[].DbPassword", kindDB}, {"CustomCookbooksSource.Password", kindPassword}},
	"AWS::AmazonMQ::Broker":                {{"Users[].Password", kindPassword}},
	"AWS::IAM::User":                       {{"LoginProfile.Password", kindPassword}},
	"AWS::DirectoryService::MicrosoftAD":   {{"Password", kindPassword}},
	"AWS::DirectoryService::SimpleAD":      {{"Password", kindPassword}},
	"AWS::CodePipeline::Webhook":           {{"AuthenticationConfiguration.SecretToken", kindToken}},
	"AWS::Amplify::App":                    {{"AccessToken", kindToken}, {"OauthToken", kindToken}, {"BasicAuthConfig.Password", kindPassword}},
	"AWS::Amplify::Branch":                 {{"BasicAuthConfig.Password", kindPassword}},
	"AWS::Lambda::Permission":              {{"EventSourceToken", kindToken}},
	"AWS::OpsWorks::App":                   {{"AppSource.Password", kindPassword}},
	"AWS::EMR::Cluster":                    {{"KerberosAttributes.KdcAdminPassword", kindPassword}, {"KerberosAttributes.ADDomainJoinPassword", kindPassword}, {"KerberosAttributes.CrossRealmTrustPrincipalPassword", kindPassword}},
}

// managedFlags are the properties that let the service keep the master
// password in Secrets Manager, by resource type.
var managedFlags = map[string]string{
	"AWS::RDS::DBInstance":               "ManageMasterUserPassword",
	"AWS::RDS::DBCluster":                "ManageMasterUserPassword",
	"AWS::Redshift::Cluster":             "ManageMasterPassword",
	"AWS::RedshiftServerless::Namespace": "ManageAdminPassword",
}

// kindIdent is an identifier of each kind, for the literal checks.
var kindIdent = map[string]string{kindDB: "DBPassword", kindPassword: "Password", kindToken: "AuthToken"}

// credUse is a place that takes a credential: a property or an
// environment variable.
type credUse struct {
	subject string     // "MasterUserPassword of DB", in the run's language
	path    string     // YAML path of the value, for hard-coded findings
	name    match.Name // what the literal checks judge values as
	db      bool
}

func isDBName(n match.Name) bool {
	return n.Credential() && (n.Kind.ID == kindDB || n.Kind.ID == kindDBTerm)
}

func (t *cfnTemplate) ja() bool { return t.f.s.Lang == "ja" }

func (t *cfnTemplate) propSubject(res, prop string) string {
	if t.ja() {
		return res + " の " + prop
	}
	return prop + " of " + res
}

func (t *cfnTemplate) envSubject(owner, name string) string {
	switch {
	case owner == "" && t.ja():
		return "環境変数 " + name
	case owner == "":
		return "environment variable " + name
	case t.ja():
		return owner + " の環境変数 " + name
	}
	return "environment variable " + name + " of " + owner
}

// credentialProps checks the credential properties of a resource.
func (t *cfnTemplate) credentialProps(r *cfnResource) {
	props := credProps[r.typ]
	if len(props) == 0 || r.props == nil {
		return
	}
	flag := managedFlags[r.typ]
	managed := flag != "" && isTrue(t.prop(r, flag))
	for _, cp := range props {
		name := t.f.ident(kindIdent[cp.kind]).name
		db := cp.kind == kindDB
		findProps(r.props, strings.Split(cp.path, "."), "Resources."+r.id+".Properties", func(prop, path string, v *yaml.Node) {
			u := credUse{subject: t.propSubject(r.id, prop), path: path, name: name, db: db}
			leaves := t.eval(v, nil)
			if managed && db && !t.f.skip(ruleNotManaged) {
				for _, l := range leaves {
					if l.kind != srcNoValue {
						t.f.addNode(ruleNotManaged, v, 0, 0, false, t.f.s.MessageAs(ruleNotManaged, "conflict", "subject", u.subject, "flag", flag))
						break
					}
				}
			}
			t.credLeaves(u, leaves)
		})
	}
}

// findProps calls fn for each value at path under n.
func findProps(n *yaml.Node, segs []string, prefix string, fn func(prop, path string, v *yaml.Node)) {
	var walk func(n *yaml.Node, segs []string, prop, path string)
	walk = func(n *yaml.Node, segs []string, prop, path string) {
		if n == nil {
			return
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if len(segs) == 0 {
			fn(prop, path, n)
			return
		}
		seg, list := strings.CutSuffix(segs[0], "[]")
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if suf, ok := strings.CutPrefix(seg, "*"); ok {
				if !strings.HasSuffix(k, suf) {
					continue
				}
			} else if k != seg {
				continue
			}
			p := k
			if prop != "" {
				p = prop + "." + k
			}
			v := n.Content[i+1]
			if list && v.Kind == yaml.SequenceNode && intrinsicName(v) == "" {
				for j, c := range v.Content {
					idx := "[" + strconv.Itoa(j) + "]"
					walk(c, segs[1:], p+idx, path+"."+k+idx)
				}
				continue
			}
			walk(v, segs[1:], p, path+"."+k)
		}
	}
	walk(n, segs, "", prefix)
}

// checkCred judges the values a credential use may take.
func (t *cfnTemplate) checkCred(u credUse, v *yaml.Node) { t.credLeaves(u, t.eval(v, nil)) }

func (t *cfnTemplate) credLeaves(u credUse, leaves []leaf) {
	f := t.f
	for _, l := range leaves {
		switch l.kind {
		case srcLiteral:
			t.literalCred(u, l)
		case srcSecretsManager:
			t.useSecret(l, u.db)
		case srcSSM, srcSSMSecure:
			t.storeFinding(u, l, "resolve")
		case srcParam:
			p := l.param
			p.cred = true
			p.db = p.db || u.db
			if u.db && !f.skip(ruleNotManaged) {
				f.addNode(ruleNotManaged, l.n, 0, 0, false, f.s.Message(ruleNotManaged, "subject", u.subject, "param", p.name))
			}
			if p.def != nil && !t.defaults[p] {
				t.defaults[p] = true
				du := u
				du.path = "Parameters." + p.name + ".Default"
				for _, d := range t.eval(p.def, nil) {
					if d.kind != srcParam { // a default cannot refer to a parameter
						t.credLeaves(du, []leaf{d})
					}
				}
			}
		}
	}
}

// literalCred reports a literal credential.
func (t *cfnTemplate) literalCred(u credUse, l leaf) {
	f := t.f
	if f.skip(ruleCredential) || !f.m.LiteralCredential(ruleCredential, u.name, l.text) {
		return
	}
	place := "YAML value at " + u.path
	if t.ja() {
		place = "YAML の値 " + u.path
	}
	f.addNode(ruleCredential, l.n, l.vs, l.ve, true, f.s.Message(ruleCredential, "kind", u.name.Kind.Title.In(f.s.Lang), "place", place))
}

// useSecret records that a credential is taken from a secret.
func (t *cfnTemplate) useSecret(l leaf, db bool) {
	id := l.secret
	if id == "" && l.text != "" {
		id = t.secretByName(l.text)
	}
	if id == "" {
		return
	}
	t.usedSecrets[id] = true
	if db {
		t.dbSecrets[id] = true
	}
}

// secretByName returns the logical ID of the secret of the template whose
// Name (or ARN) is name.
func (t *cfnTemplate) secretByName(name string) string {
	for _, r := range t.order {
		if r.typ != typeSecret {
			continue
		}
		if n, ok := t.flat(t.prop(r, "Name")); ok && n != "" && secretNameMatches(name, n) {
			return r.id
		}
	}
	return ""
}

// secretNameMatches reports whether a secret ID (a name or an ARN) names
// the secret called name.
func secretNameMatches(id, name string) bool {
	if id == name {
		return true
	}
	i := strings.Index(id, ":secret:")
	if !strings.HasPrefix(id, "arn:") || i < 0 {
		return false
	}
	rest := id[i+len(":secret:"):]
	return rest == name || strings.HasPrefix(rest, name+"-") && len(rest) == len(name)+7
}

// storeFinding reports a credential resolved from Parameter Store.
func (t *cfnTemplate) storeFinding(u credUse, l leaf, variant string) {
	f := t.f
	rule := ""
	switch {
	case u.db:
		rule = ruleDBInPS
	case u.name.Kind != nil && (u.name.Kind.Store == secretlint.StoreSecretsManager || u.name.Kind.Rotation == "required"):
		rule = ruleSecretInPS
	default:
		return
	}
	if f.skip(rule) {
		return
	}
	param, evidence := t.ssmEvidence(l)
	// Only literal credentials get a range: outputs treat a range as the
	// secret and never print it; a parameter name is not one.
	f.addNode(rule, l.n, l.vs, l.ve, false, f.s.MessageAs(rule, variant, "subject", u.subject, "param", param, "evidence", evidence))
}

// ssmEvidence names the parameter of a Parameter Store value and says how
// it is reached.
func (t *cfnTemplate) ssmEvidence(l leaf) (param, evidence string) {
	ja := t.ja()
	param = l.text
	switch {
	case l.ref != nil && l.kind == srcSSMSecure:
		if ja {
			return param, "（ssm-secure の動的参照、SecureString）"
		}
		return param, " (ssm-secure dynamic reference, SecureString)"
	case l.ref != nil:
		if ja {
			return param, "（ssm の動的参照、平文の String）"
		}
		return param, " (ssm dynamic reference, plaintext String)"
	case l.ecs:
		if ja {
			return param, "（ECS コンテナのシークレット）"
		}
		return param, " (ECS container secret)"
	case l.param != nil:
		if ja {
			return param, "（" + l.param.typ + " 型のテンプレートパラメータ " + l.param.name + " 経由）"
		}
		return param, " (through template parameter " + l.param.name + " of type " + l.param.typ + ")"
	}
	if ja {
		return param, "（平文の String）"
	}
	return param, " (plaintext String)"
}

// envVars checks a mapping of environment variables (Lambda, SAM).
func (t *cfnTemplate) envVars(owner string, vars *yaml.Node) {
	if vars.Kind != yaml.MappingNode {
		return
	}
	prefix := "Resources." + owner + ".Properties.Environment.Variables."
	if owner == "Globals" {
		prefix = "Globals.Function.Environment.Variables."
	}
	for i := 0; i+1 < len(vars.Content); i += 2 {
		k, v := vars.Content[i], vars.Content[i+1]
		t.envVar(owner, k.Value, prefix+k.Value, v)
	}
}

// envVar checks one environment variable: secrets resolved into it, and
// the store of a credential it carries.
func (t *cfnTemplate) envVar(owner, name, path string, v *yaml.Node) {
	if v == nil {
		return
	}
	t.exposure(v, owner, placeEnv)
	id := t.f.ident(name).name
	db := isDBName(id)
	if !id.Credential() {
		if !t.dbURL(v) {
			return
		}
		id, db = t.f.ident(kindIdent[kindDB]).name, true
	}
	t.checkCred(credUse{subject: t.envSubject(owner, name), path: path, name: id, db: db}, v)
}

// dbURL reports whether a value is a connection string whose userinfo is
// resolved by a dynamic reference: `postgres://app:{{resolve:…}}@db/x`.
func (t *cfnTemplate) dbURL(v *yaml.Node) bool {
	s, ok := t.flat(v)
	if !ok {
		return false
	}
	i := strings.Index(s, "://")
	r := strings.Index(s, "{{resolve:")
	return i > 0 && r > i && strings.LastIndexByte(s, '@') > r
}

// targetAttachment records the secret attached to a database.
func (t *cfnTemplate) targetAttachment(r *cfnResource) {
	db := false
	typ := scalarValue(t.prop(r, "TargetType"))
	if typ == "" {
		for _, l := range t.eval(t.prop(r, "TargetId"), nil) {
			if res := t.resources[l.text]; res != nil {
				typ = res.typ
			}
		}
		if tid := t.prop(r, "TargetId"); tid != nil {
			if fn, arg := intrinsic(tid); fn == "Ref" && t.resources[arg.Value] != nil {
				typ = t.resources[arg.Value].typ
			}
		}
	}
	for _, p := range []string{"AWS::RDS::", "AWS::Redshift", "AWS::DocDB::"} {
		if strings.HasPrefix(typ, p) {
			db = true
		}
	}
	for _, l := range t.eval(t.prop(r, "SecretId"), nil) {
		if l.kind == srcSecretsManager {
			t.useSecret(l, db)
		}
	}
}

var rateDays = regexp.MustCompile(`^rate\(\s*(\d+)\s+days?\s*\)$`)

// rotationSchedule records the secret a schedule rotates and reports a
// schedule that cannot rotate it.
func (t *cfnTemplate) rotationSchedule(r *cfnResource) {
	f := t.f
	if id := t.prop(r, "SecretId"); id != nil {
		if fn, arg := intrinsic(id); fn == "Fn::ImportValue" && arg.Kind == yaml.ScalarNode {
			f.sc.addRotated("import:" + arg.Value)
		}
		for _, l := range t.eval(id, nil) {
			switch {
			case l.secret != "":
				t.rotated[l.secret] = true
			case l.kind == srcLiteral || l.kind == srcSecretsManager && l.text != "":
				if s := t.secretByName(l.text); s != "" {
					t.rotated[s] = true
				} else {
					f.sc.addRotated(l.text)
				}
			}
		}
	}
	if f.skip(ruleRotation) {
		return
	}
	msg := func(variant string, args ...string) string {
		return f.s.MessageAs(ruleRotation, variant, append([]string{"schedule", r.id}, args...)...)
	}
	hostedKey, hosted := getPair(r.props, "HostedRotationLambda")
	if hosted == nil && t.prop(r, "RotationLambdaARN") == nil {
		f.addNode(ruleRotation, r.key, 0, 0, false, msg("no-lambda"))
	}
	rules := t.prop(r, "RotationRules")
	if rules == nil {
		f.addNode(ruleRotation, r.key, 0, 0, false, msg("no-rules"))
	}
	max := f.sc.rotationMax()
	if d := get(rules, "AutomaticallyAfterDays"); d != nil && d.Kind == yaml.ScalarNode {
		if n, err := strconv.Atoi(d.Value); err == nil && n > max {
			f.addNode(ruleRotation, d, 0, 0, false, msg("interval", "days", d.Value, "max", strconv.Itoa(max)))
		}
	}
	if e := get(rules, "ScheduleExpression"); e != nil && e.Kind == yaml.ScalarNode {
		if m := rateDays.FindStringSubmatch(strings.TrimSpace(e.Value)); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n > max {
				f.addNode(ruleRotation, e, 0, 0, false, msg("interval", "days", m[1], "max", strconv.Itoa(max)))
			}
		}
	}
	if hosted != nil && !t.transformSM {
		f.addNode(ruleRotation, hostedKey, 0, 0, false, msg("transform"))
	}
}

// secret checks a Secrets Manager secret: literal password fields, and
// (after the whole scan) rotation.
func (t *cfnTemplate) secret(r *cfnResource) {
	f := t.f
	ss := t.prop(r, "SecretString")
	fields, jsonOK := t.secretFields(r.id, ss)
	gen := t.prop(r, "GenerateSecretString")
	db := t.dbSecrets[r.id]
	if !db && gen != nil {
		tmplKeys, _ := t.jsonKeys(get(gen, "SecretStringTemplate"))
		key := scalarValue(get(gen, "GenerateStringKey"))
		if strings.EqualFold(key, "password") && containsFold(tmplKeys, "username") {
			db = true
		}
	}
	if t.rotated[r.id] {
		return
	}
	var names []string
	if n, ok := t.flat(t.prop(r, "Name")); ok && n != "" && !strings.Contains(n, "${") {
		names = append(names, n)
	}
	names = append(names, t.exportsOf(r.id)...)
	switch {
	case db:
		if !f.skip(ruleRotation) {
			f.addPending(ruleRotation, r.key, names, f.s.Message(ruleRotation, "secret", r.id))
		}
	case !t.usedSecrets[r.id] && gen == nil && ss != nil && t.plainConfig(r, fields, jsonOK):
		if !f.skip(ruleUnrotated) {
			f.addPending(ruleUnrotated, r.key, names, f.s.Message(ruleUnrotated, "secret", r.id))
		}
	}
}

// plainConfig reports whether a secret holds plain configuration: a JSON
// object of non-secret keys, or a value under a configuration name.
func (t *cfnTemplate) plainConfig(r *cfnResource, fields []string, jsonOK bool) bool {
	if jsonOK {
		if len(fields) == 0 {
			return false
		}
		for _, k := range fields {
			if t.f.ident(k).name.Credential() {
				return false
			}
		}
		return true
	}
	name, ok := t.flat(t.prop(r, "Name"))
	if !ok {
		return false
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	n := t.f.ident(name).name
	return n.Kind != nil && !n.Kind.Secret
}

// secretFields reports literal credentials in the JSON of a SecretString
// and returns its keys; ok is false when it is not a JSON object.
func (t *cfnTemplate) secretFields(owner string, ss *yaml.Node) (keys []string, ok bool) {
	if ss == nil {
		return nil, false
	}
	s, isText := t.flat(ss)
	if !isText {
		return nil, false
	}
	var obj map[string]any
	if json.Unmarshal([]byte(s), &obj) != nil {
		return nil, false
	}
	str := ss
	if fn, arg := intrinsic(ss); fn == "Fn::Sub" {
		str = arg
		if arg.Kind == yaml.SequenceNode {
			str = arg.Content[0]
		}
	}
	for k, v := range obj {
		keys = append(keys, k)
		val, isStr := v.(string)
		name := t.f.ident(k).name
		if !isStr || !name.Credential() || strings.Contains(val, "${") || strings.Contains(val, "{{resolve:") {
			continue
		}
		if t.f.skip(ruleCredential) || !t.f.m.LiteralCredential(ruleCredential, name, val) {
			continue
		}
		vs, ve := 0, 0
		if str.Kind == yaml.ScalarNode && str.Value == s {
			if i := strings.Index(s, `"`+val+`"`); i >= 0 {
				vs, ve = i+1, i+1+len(val)
			}
		}
		u := credUse{path: "Resources." + owner + ".Properties.SecretString." + k, name: name}
		t.literalCred(u, leaf{kind: srcLiteral, n: str, vs: vs, ve: ve, text: val})
	}
	return keys, true
}

// jsonKeys returns the keys of a JSON object written in a string node.
func (t *cfnTemplate) jsonKeys(n *yaml.Node) ([]string, bool) {
	s, ok := t.flat(n)
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

// exportsOf returns the export names of the outputs whose value is a
// reference to resource id, as "import:<name>".
func (t *cfnTemplate) exportsOf(id string) []string {
	if t.outputs == nil || t.outputs.Kind != yaml.MappingNode {
		return nil
	}
	var out []string
	for i := 1; i < len(t.outputs.Content); i += 2 {
		o := t.outputs.Content[i]
		name, ok := t.flat(get(get(o, "Export"), "Name"))
		if !ok || name == "" || strings.Contains(name, "${") {
			continue
		}
		for _, l := range t.eval(get(o, "Value"), nil) {
			if l.secret == id {
				out = append(out, "import:"+name)
				break
			}
		}
	}
	return out
}

// ssmParameter checks an AWS::SSM::Parameter: CloudFormation creates it as
// a plaintext String, so it must hold no secret.
func (t *cfnTemplate) ssmParameter(r *cfnResource) {
	f := t.f
	nameNode := t.prop(r, "Name")
	name, hasName := t.flat(nameNode)
	if hasName {
		t.hierarchy(name, nameNode)
	}
	last := name
	if i := strings.LastIndexByte(last, '/'); i >= 0 {
		last = last[i+1:]
	}
	cred := f.ident(last).name
	if !cred.Credential() {
		if d, ok := t.flat(t.prop(r, "Description")); ok {
			if dn := f.ident(d).name; dn.Credential() {
				cred = dn
			}
		}
	}
	secret := cred.Credential()
	value := t.prop(r, "Value")
	for _, l := range t.eval(value, nil) {
		switch {
		case l.kind == srcLiteral && cred.Credential():
			t.literalCred(credUse{path: "Resources." + r.id + ".Properties.Value", name: cred}, l)
		case l.ref != nil && (l.kind == srcSecretsManager || l.kind == srcSSMSecure),
			l.kind == srcParam && (l.param.noEcho || l.param.cred),
			l.kind == srcSecretsManager:
			secret = true
		}
	}
	if !secret {
		return
	}
	param := name
	if !hasName || name == "" {
		param = r.id
	}
	at := nameNode
	if at == nil || !hasName {
		at = value
	}
	if at == nil {
		at = r.key
	}
	kind := cred
	if !kind.Credential() {
		kind = f.ident(kindIdent[kindPassword]).name
	}
	subject := kind.Kind.Title.In(f.s.Lang)
	if isDBName(cred) {
		if !f.skip(ruleDBInPS) {
			f.addNode(ruleDBInPS, at, 0, 0, false, f.s.MessageAs(ruleDBInPS, "write", "subject", subject, "param", param, "evidence", ""))
		}
		return
	}
	if !f.skip(rulePlainParam) {
		typ := scalarValue(t.prop(r, "Type"))
		if typ == "" {
			typ = "String"
		}
		f.addNode(rulePlainParam, at, 0, 0, false, f.s.Message(rulePlainParam, "subject", subject, "param", param, "type", typ))
	}
}

// customerKey reports secrets encrypted with the AWS-managed key.
func (t *cfnTemplate) customerKey(r *cfnResource) {
	f := t.f
	if f.skip(ruleCustomerKey) {
		return
	}
	check := func(keyProp *yaml.Node, at *yaml.Node, what string) {
		if keyProp == nil {
			f.addNode(ruleCustomerKey, at, 0, 0, false, f.s.Message(ruleCustomerKey, "secret", what))
			return
		}
		if s := scalarValue(keyProp); literal(keyProp) && (strings.HasPrefix(s, "alias/aws/") || s == "aws/secretsmanager") {
			f.addNode(ruleCustomerKey, keyProp, 0, 0, false, f.s.MessageAs(ruleCustomerKey, "aws-managed", "secret", what, "key", s))
		}
	}
	switch r.typ {
	case typeSecret:
		check(t.prop(r, "KmsKeyId"), r.key, r.id)
	case "AWS::RDS::DBInstance", "AWS::RDS::DBCluster":
		if flag := t.prop(r, "ManageMasterUserPassword"); isTrue(flag) {
			check(get(t.prop(r, "MasterUserSecret"), "KmsKeyId"), flag, r.id)
		}
	case "AWS::Redshift::Cluster":
		if flag := t.prop(r, "ManageMasterPassword"); isTrue(flag) {
			check(t.prop(r, "MasterPasswordSecretKmsKeyId"), flag, r.id)
		}
	case "AWS::RedshiftServerless::Namespace":
		if flag := t.prop(r, "ManageAdminPassword"); isTrue(flag) {
			check(t.prop(r, "AdminPasswordSecretKmsKeyId"), flag, r.id)
		}
	}
}

type placeKindCFN int

const (
	placeEnv placeKindCFN = iota
	placeMetadata
	placeTags
	placeOutput
)

// exposure reports secrets resolved into n, a place that keeps values
// in plaintext.
func (t *cfnTemplate) exposure(n *yaml.Node, owner string, where placeKindCFN) {
	if n == nil || t.f.skip(ruleExposed) {
		return
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if depth > maxEvalDepth*4 {
			return
		}
		if n.Kind == yaml.ScalarNode || intrinsicName(n) != "" {
			for _, l := range t.eval(n, nil) {
				t.exposed(l, owner, where)
			}
			return
		}
		for _, c := range n.Content {
			if c.Kind != yaml.AliasNode {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
}

func (t *cfnTemplate) exposed(l leaf, owner string, where placeKindCFN) {
	f := t.f
	ja := t.ja()
	var source string
	switch {
	case l.ref != nil && l.kind == srcSecretsManager:
		source = "Secrets Manager secret " + l.text
		if ja {
			source = "Secrets Manager のシークレット " + l.text
		}
	case l.ref != nil && l.kind == srcSSMSecure:
		source = "SecureString parameter " + l.text
		if ja {
			source = "SecureString パラメータ " + l.text
		}
	case l.kind == srcParam && l.param.noEcho:
		source = "NoEcho parameter " + l.param.name
		if ja {
			source = "NoEcho パラメータ " + l.param.name
		}
	default:
		return
	}
	var place string
	switch {
	case where == placeEnv && ja:
		place = owner + " の環境変数"
	case where == placeEnv:
		place = "the environment variables of " + owner
	case where == placeOutput && ja:
		place = "出力 " + owner
	case where == placeOutput:
		place = "output " + owner
	case where == placeTags && ja:
		place = owner + " のタグ"
	case where == placeTags:
		place = "the tags of " + owner
	case owner == "" && ja:
		place = "テンプレートの Metadata"
	case owner == "":
		place = "the template Metadata"
	case ja:
		place = owner + " の Metadata"
	default:
		place = "the Metadata of " + owner
	}
	f.addNode(ruleExposed, l.n, l.vs, l.ve, false, f.s.Message(ruleExposed, "source", source, "place", place))
}

// parameters checks the template parameters that carry credentials.
func (t *cfnTemplate) parameters() {
	f := t.f
	for _, k := range t.orderedParams() {
		p := t.params[k]
		if p.ssmType() {
			if p.def != nil && p.def.Kind == yaml.ScalarNode {
				t.hierarchy(p.def.Value, p.def)
			}
			continue
		}
		byName := f.ident(p.name).name
		if !p.cred && byName.Credential() {
			p.cred = true
			if p.def != nil && !t.defaults[p] {
				t.defaults[p] = true
				u := credUse{path: "Parameters." + p.name + ".Default", name: byName, db: isDBName(byName)}
				for _, l := range t.eval(p.def, nil) {
					if l.kind == srcLiteral {
						t.literalCred(u, l)
					}
				}
			}
		}
		if p.cred && !p.noEcho && !f.skip(ruleNoEcho) {
			kind := byName
			if !kind.Credential() {
				kind = f.ident(kindIdent[kindPassword]).name
				if p.db {
					kind = f.ident(kindIdent[kindDB]).name
				}
			}
			f.addNode(ruleNoEcho, p.key, 0, 0, false, f.s.Message(ruleNoEcho, "param", p.name, "kind", kind.Kind.Title.In(f.s.Lang)))
		}
	}
}

// orderedParams returns the parameter names in template order.
func (t *cfnTemplate) orderedParams() []string {
	ps := get(t.root, "Parameters")
	if ps == nil || ps.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]string, 0, len(ps.Content)/2)
	for i := 0; i < len(ps.Content); i += 2 {
		if t.params[ps.Content[i].Value] != nil {
			out = append(out, ps.Content[i].Value)
		}
	}
	return out
}

// hierarchy reports a Parameter Store name outside the configured
// hierarchy.
func (t *cfnTemplate) hierarchy(name string, n *yaml.Node) { t.hierarchyAt(name, n, 0, 0, false) }

var subVarRx = regexp.MustCompile(`\$\{[^}]*\}`)

func (t *cfnTemplate) hierarchyAt(name string, n *yaml.Node, vs, ve int, withRange bool) {
	f := t.f
	if f.skip(ruleHierarchy) || name == "" {
		return
	}
	plain := name
	if strings.Contains(plain, "${") {
		plain = subVarRx.ReplaceAllString(plain, "x")
	}
	if strings.HasPrefix(plain, "/aws/") || f.sc.hier.MatchString(plain) {
		return
	}
	f.addNode(ruleHierarchy, n, vs, ve, withRange, f.s.Message(ruleHierarchy, "param", name, "pattern", f.sc.hierText))
}

// dynRefs checks every dynamic reference of the template: version pins
// on Secrets Manager references, and the names of Parameter Store ones.
func (t *cfnTemplate) dynRefs(n *yaml.Node) {
	pin := !t.f.skip(ruleVersionPin)
	hier := !t.f.skip(ruleHierarchy)
	if !pin && !hier {
		return
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			if strings.Contains(n.Value, "{{resolve:") {
				t.refsIn(tmpl{s: n.Value, n: n}, pin, hier)
			}
			return
		case yaml.SequenceNode:
			if shortTag(n.Tag) == "Fn::Join" {
				if tm, ok := t.join(n); ok && strings.Contains(tm.s, "{{resolve:") {
					t.refsIn(tm, pin, hier)
				}
			}
		case yaml.MappingNode:
			if fn, arg := intrinsic(n); fn == "Fn::Join" {
				if tm, ok := t.join(arg); ok && strings.Contains(tm.s, "{{resolve:") {
					t.refsIn(tm, pin, hier)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
}

func (t *cfnTemplate) refsIn(tm tmpl, pin, hier bool) {
	f := t.f
	s := tm.s
	for i := 0; ; {
		j := strings.Index(s[i:], "{{resolve:")
		if j < 0 {
			return
		}
		start := i + j
		end := strings.Index(s[start:], "}}")
		if end < 0 {
			return
		}
		end += start + 2
		i = end
		d, ok := parseDynRef(s[start+len("{{resolve:") : end-2])
		if !ok {
			continue
		}
		n, vs, ve := tm.at(start, end)
		if n == nil {
			continue
		}
		switch d.service {
		case "secretsmanager":
			if !pin {
				continue
			}
			what := ""
			switch {
			case d.version != "":
				what = "version ID " + d.version
				if t.ja() {
					what = "バージョン ID " + d.version
				}
			case d.stage == "AWSPREVIOUS" || d.stage == "AWSPENDING":
				what = "version stage " + d.stage
				if t.ja() {
					what = "バージョンステージ " + d.stage
				}
			default:
				continue
			}
			name := d.id
			if ls := t.dynRefLeaf(tm, start, end, nil, 0); len(ls) == 1 {
				name = ls[0].text
			}
			f.addNode(ruleVersionPin, n, vs, ve, false, f.s.Message(ruleVersionPin, "secret", name, "pin", what))
		case "ssm", "ssm-secure":
			if hier && !strings.HasPrefix(d.id, "/aws/reference/secretsmanager/") {
				t.hierarchyAt(ssmName(d.id), n, vs, ve, false)
			}
		}
	}
}
