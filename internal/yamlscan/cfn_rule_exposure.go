package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// exposureRule reports secrets resolved into places that keep values in
// plaintext: environment variables, Metadata, tags and outputs
// (secret-exposed-in-plaintext).
type exposureRule struct{ noCollect }

type placeKindCFN int

const (
	placeEnv placeKindCFN = iota
	placeMetadata
	placeTags
	placeOutput
)

func (exposureRule) check(st *cfnState) {
	if st.r.skip(ruleExposed) {
		return
	}
	for i := range st.sites {
		if s := &st.sites[i]; s.kind == siteEnv {
			st.exposure(s.v, s.owner, placeEnv)
		}
	}
	t := st.t
	for _, r := range t.Order {
		st.exposure(cfn.Get(r.Node, "Metadata"), r.ID, placeMetadata)
		st.exposure(cfn.Get(r.Props, "Tags"), r.ID, placeTags)
	}
	st.exposure(t.Metadata, "", placeMetadata)
	if t.Outputs != nil && t.Outputs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(t.Outputs.Content); i += 2 {
			st.exposure(cfn.Get(t.Outputs.Content[i+1], "Value"), t.Outputs.Content[i].Value, placeOutput)
		}
	}
}

// exposure reports secrets resolved into n.
func (st *cfnState) exposure(n *yaml.Node, owner string, where placeKindCFN) {
	if n == nil {
		return
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if depth > cfn.MaxEvalDepth*4 {
			return
		}
		if n.Kind == yaml.ScalarNode || cfn.IntrinsicName(n) != "" {
			for _, l := range st.t.Eval(n) {
				st.exposed(l, owner, where)
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

func (st *cfnState) exposed(l cfn.Leaf, owner string, where placeKindCFN) {
	var source string
	switch {
	case l.Ref != nil && l.Source == cfn.SourceSecretsManager && st.settingKey(l.Ref.JSONKey):
		return // the host, port or user name of a DB secret: not a secret
	case l.Ref != nil && l.Source == cfn.SourceSecretsManager:
		source = st.text("source_secret", "name", l.Text)
	case l.Ref != nil && l.Source == cfn.SourceSSMSecure:
		source = st.text("source_securestring", "name", l.Text)
	case l.Source == cfn.SourceParam && l.Param.NoEcho:
		source = st.text("source_noecho_param", "name", l.Param.Name)
	default:
		return
	}
	var place string
	switch {
	case where == placeEnv:
		place = st.text("place_env_of", "owner", owner)
	case where == placeOutput:
		place = st.text("place_output", "owner", owner)
	case where == placeTags:
		place = st.text("place_tags_of", "owner", owner)
	case owner == "":
		place = st.text("place_template_meta")
	default:
		place = st.text("place_metadata_of", "owner", owner)
	}
	st.r.addNode(ruleExposed, l.Node, l.Start, l.End, false, st.r.message(ruleExposed, "source", source, "place", place))
}

// secretSettingKeys are the keys of the JSON secrets RDS and Secrets
// Manager rotation write that hold no secret.
var secretSettingKeys = map[string]bool{"host": true, "port": true, "dbname": true, "username": true, "engine": true, "dbinstanceidentifier": true, "dbclusteridentifier": true}

// settingKey reports whether a JSON key of a secret names a setting, not
// a secret.
func (st *cfnState) settingKey(key string) bool {
	if key == "" {
		return false
	}
	if secretSettingKeys[strings.ToLower(key)] {
		return true
	}
	n := st.r.credName(key)
	return n.Kind != nil && !n.Kind.Secret
}
