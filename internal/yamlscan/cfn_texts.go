package yamlscan

// text returns the CloudFormation phrase id of the catalogue (cfn_<id>) in
// the language of the run, filled with args (name, value, name, value…).
func (st *cfnState) text(id string, args ...string) string {
	if id == "yaml_value_at_path" {
		return st.r.phrase("yaml_value_at", args...)
	}
	return st.r.phrase("cfn_"+id, args...)
}
