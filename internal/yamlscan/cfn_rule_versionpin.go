package yamlscan

// versionPinRule reports Secrets Manager dynamic references pinned to a
// version ID or to a stage rotation moves away from
// (rotation-breaking-version-pin).
type versionPinRule struct{ noCollect }

func (versionPinRule) check(st *cfnState) {
	rep := st.r
	if rep.skip(ruleVersionPin) {
		return
	}
	for _, s := range st.dynRefs() {
		if s.Ref.Service != "secretsmanager" {
			continue
		}
		var what string
		switch {
		case s.Ref.Version != "":
			what = st.text("pin_version_id", "version", s.Ref.Version)
		case s.Ref.Stage == "AWSPREVIOUS" || s.Ref.Stage == "AWSPENDING":
			what = st.text("pin_version_stage", "stage", s.Ref.Stage)
		default:
			continue
		}
		rep.addNode(ruleVersionPin, s.Node, s.Start, s.End, false, rep.message(ruleVersionPin, "secret", s.Name(), "pin", what))
	}
}
