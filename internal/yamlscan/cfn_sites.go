package yamlscan

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// credProp is a property of a resource type that carries a credential.
// Its path is dot-separated; a segment ending in [] is a list whose items
// are visited, and a segment starting with * matches any key with that
// suffix (`*Settings`).
type credProp struct {
	path string
	kind string // a catalogue kind ID
}

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

type siteKind uint8

const (
	siteProp   siteKind = iota // a credential property of a resource
	siteEnv                    // an environment variable
	siteECS                    // an ECS container secret
	siteAttach                 // a secret attached to a database
)

// credSite is a place of a template that may take a credential, in
// template order. The credential rule fills in the rest when it collects.
type credSite struct {
	kind     siteKind
	owner    string // the resource, or the owner of the environment
	name     string // the property path or the variable name
	path     string // YAML path of the value
	v        *yaml.Node
	res      *cfn.Resource
	propKind string // siteProp: the catalogue kind ID of the property
	// flag is the managed-password flag set on the resource of a DB
	// credential property.
	flag string

	cred     bool       // the site takes a credential
	u        credUse    // how
	leaves   []cfn.Leaf // the values it may take
	defaults map[int][]cfn.Leaf
	ecs      ecsSite
}

// templateSites returns the places of a template that take credentials:
// credential properties, Lambda and SAM environment variables, ECS
// containers and secret target attachments, resource by resource, then
// the SAM Globals.
func templateSites(t *cfn.Template) []credSite {
	var out []credSite
	for _, r := range t.Order {
		out = propSites(r, out)
		switch r.Type {
		case typeLambda, typeSAMFunction:
			if env := cfn.Get(cfn.Get(r.Props, "Environment"), "Variables"); env != nil {
				out = envSites(r.ID, env, out)
			}
		case typeTaskDef:
			out = containerSites(r.ID, cfn.Get(r.Props, "ContainerDefinitions"), out)
		case typeTargetAttach:
			out = append(out, credSite{kind: siteAttach, owner: r.ID, res: r})
		}
	}
	if fn := cfn.Get(t.Globals, "Function"); fn != nil {
		if env := cfn.Get(cfn.Get(fn, "Environment"), "Variables"); env != nil {
			out = envSites("Globals", env, out)
		}
	}
	return out
}

// propSites returns the credential properties of a resource.
func propSites(r *cfn.Resource, out []credSite) []credSite {
	props := credProps[r.Type]
	if len(props) == 0 || r.Props == nil {
		return out
	}
	flag := managedFlags[r.Type]
	managed := flag != "" && cfn.IsTrue(r.Prop(flag))
	for _, cp := range props {
		findProps(r.Props, strings.Split(cp.path, "."), "Resources."+r.ID+".Properties", func(prop, path string, v *yaml.Node) {
			s := credSite{kind: siteProp, owner: r.ID, name: prop, path: path, v: v, res: r, propKind: cp.kind}
			if managed && cp.kind == kindDB {
				s.flag = flag
			}
			out = append(out, s)
		})
	}
	return out
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
			if list && v.Kind == yaml.SequenceNode && cfn.IntrinsicName(v) == "" {
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

// envSites returns the variables of a mapping of environment variables
// (Lambda, SAM).
func envSites(owner string, vars *yaml.Node, out []credSite) []credSite {
	if vars.Kind != yaml.MappingNode {
		return out
	}
	prefix := "Resources." + owner + ".Properties.Environment.Variables."
	if owner == "Globals" {
		prefix = "Globals.Function.Environment.Variables."
	}
	for i := 0; i+1 < len(vars.Content); i += 2 {
		k, v := vars.Content[i], vars.Content[i+1]
		out = append(out, credSite{kind: siteEnv, owner: owner, name: k.Value, path: prefix + k.Value, v: v})
	}
	return out
}

// containerSites returns the environment variables and secrets of the
// container definitions of a task definition: keys are matched in any
// case, so CloudFormation's PascalCase and the ECS API's camelCase both
// work.
func containerSites(owner string, defs *yaml.Node, out []credSite) []credSite {
	if defs == nil || defs.Kind != yaml.SequenceNode {
		return out
	}
	prefix := "containerDefinitions"
	if owner != "" {
		prefix = "Resources." + owner + ".Properties.ContainerDefinitions"
	}
	for i, c := range defs.Content {
		if c.Kind != yaml.MappingNode {
			continue
		}
		cname := cfn.ScalarValue(cfn.Get(c, "Name"))
		who := owner
		if cname != "" {
			who = strings.TrimPrefix(owner+"/"+cname, "/")
		}
		at := prefix + "[" + strconv.Itoa(i) + "]"
		if env := cfn.Get(c, "Environment"); env != nil && env.Kind == yaml.SequenceNode {
			for j, e := range env.Content {
				name := cfn.ScalarValue(cfn.Get(e, "Name"))
				v := cfn.Get(e, "Value")
				if name == "" || v == nil {
					continue
				}
				out = append(out, credSite{kind: siteEnv, owner: who, name: name, path: at + ".environment[" + strconv.Itoa(j) + "].value", v: v})
			}
		}
		out = ecsSecretSites(who, cfn.Get(c, "Secrets"), out)
		out = ecsSecretSites(who, cfn.Get(cfn.Get(c, "LogConfiguration"), "SecretOptions"), out)
	}
	return out
}

// ecsSecretSites returns the `Secrets` / `SecretOptions` entries of a
// container.
func ecsSecretSites(owner string, list *yaml.Node, out []credSite) []credSite {
	if list == nil || list.Kind != yaml.SequenceNode {
		return out
	}
	for _, e := range list.Content {
		name := cfn.ScalarValue(cfn.Get(e, "Name"))
		vf := cfn.Get(e, "ValueFrom")
		if name == "" || vf == nil {
			continue
		}
		out = append(out, credSite{kind: siteECS, owner: owner, name: name, v: vf})
	}
	return out
}
