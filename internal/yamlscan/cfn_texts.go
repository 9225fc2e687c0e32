package yamlscan

import "strings"

// cfnText is a phrase of the CloudFormation messages in each language;
// {name} marks where an argument goes.
type cfnText struct{ en, ja string }

// cfnTexts are the phrases the CloudFormation rules put into messages,
// by phrase ID.
var cfnTexts = map[string]cfnText{
	// Subjects: what takes a credential.
	"prop_subject":       {en: "{prop} of {resource}", ja: "{resource} の {prop}"},
	"env_subject":        {en: "environment variable {name}", ja: "環境変数 {name}"},
	"env_subject_of":     {en: "environment variable {name} of {owner}", ja: "{owner} の環境変数 {name}"},
	"yaml_value_at_path": {en: "YAML value at {path}", ja: "YAML の値 {path}"},

	// Evidence: how a credential is read from Parameter Store.
	"ssm_secure_dynamic_ref": {en: " (ssm-secure dynamic reference, SecureString)", ja: "（ssm-secure の動的参照、SecureString）"},
	"ssm_dynamic_ref":        {en: " (ssm dynamic reference, plaintext String)", ja: "（ssm の動的参照、平文の String）"},
	"ecs_container_secret":   {en: " (ECS container secret)", ja: "（ECS コンテナのシークレット）"},
	"ssm_template_parameter": {en: " (through template parameter {param} of type {type})", ja: "（{type} 型のテンプレートパラメータ {param} 経由）"},
	"plaintext_string":       {en: " (plaintext String)", ja: "（平文の String）"},

	// Sources of exposed secrets.
	"source_secret":       {en: "Secrets Manager secret {name}", ja: "Secrets Manager のシークレット {name}"},
	"source_securestring": {en: "SecureString parameter {name}", ja: "SecureString パラメータ {name}"},
	"source_noecho_param": {en: "NoEcho parameter {name}", ja: "NoEcho パラメータ {name}"},
	"place_env_of":        {en: "the environment variables of {owner}", ja: "{owner} の環境変数"},
	"place_output":        {en: "output {owner}", ja: "出力 {owner}"},
	"place_tags_of":       {en: "the tags of {owner}", ja: "{owner} のタグ"},
	"place_metadata_of":   {en: "the Metadata of {owner}", ja: "{owner} の Metadata"},
	"place_template_meta": {en: "the template Metadata", ja: "テンプレートの Metadata"},
	"pin_version_id":      {en: "version ID {version}", ja: "バージョン ID {version}"},
	"pin_version_stage":   {en: "version stage {stage}", ja: "バージョンステージ {stage}"},
}

// text returns phrase id in the language of the run, with its {name}s
// replaced by the values of args (name, value, name, value…).
func (st *cfnState) text(id string, args ...string) string {
	t, ok := cfnTexts[id]
	if !ok {
		panic("unknown CloudFormation phrase " + id)
	}
	s := t.en
	if st.ja() {
		s = t.ja
	}
	if len(args) == 0 {
		return s
	}
	pairs := make([]string, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs[i], pairs[i+1] = "{"+args[i]+"}", args[i+1]
	}
	return strings.NewReplacer(pairs...).Replace(s)
}
