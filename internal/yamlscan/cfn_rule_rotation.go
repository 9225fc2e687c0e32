package yamlscan

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// rotationRule checks rotation schedules that cannot rotate their secret
// (secret-rotation-missing). It collects the secrets schedules rotate, in
// this template and, for the other templates of the scan, by name.
type rotationRule struct{}

var rateDays = regexp.MustCompile(`^rate\(\s*(\d+)\s+days?\s*\)$`)

func (rotationRule) collect(st *cfnState) {
	t := st.t
	for _, r := range t.Order {
		if r.Type != typeRotation {
			continue
		}
		id := r.Prop("SecretId")
		if id == nil {
			continue
		}
		if fn, arg := cfn.Intrinsic(id); fn == "Fn::ImportValue" && arg.Kind == yaml.ScalarNode {
			st.r.addRotated("import:" + arg.Value)
		}
		for _, l := range t.Eval(id) {
			if l.Source == cfn.SourceParam {
				// A secret named by a template parameter: by its default.
				name, ok := t.ParamDefault(l.Param.Name)
				if !ok {
					continue
				}
				l = cfn.Leaf{Source: cfn.SourceLiteral, Text: name}
			}
			switch {
			case l.Secret != "":
				st.rotated[l.Secret] = true
			case l.Source == cfn.SourceLiteral || l.Source == cfn.SourceSecretsManager && l.Text != "":
				if s := t.SecretByName(l.Text); s != "" {
					st.rotated[s] = true
				} else {
					st.r.addRotated(l.Text)
				}
			}
		}
	}
}

func (rotationRule) check(st *cfnState) {
	if st.r.skip(ruleRotation) {
		return
	}
	for _, r := range st.t.Order {
		if r.Type == typeRotation {
			st.rotationSchedule(r)
		}
	}
}

// rotationSchedule reports a schedule that cannot rotate its secret.
func (st *cfnState) rotationSchedule(r *cfn.Resource) {
	rep := st.r
	msg := func(variant string, args ...string) string {
		return rep.messageAs(ruleRotation, variant, append([]string{"schedule", r.ID}, args...)...)
	}
	hostedKey, hosted := cfn.GetPair(r.Props, "HostedRotationLambda")
	if hosted == nil && r.Prop("RotationLambdaARN") == nil {
		rep.addNode(ruleRotation, r.Key, 0, 0, false, msg("no-lambda"))
	}
	rules := r.Prop("RotationRules")
	if rules == nil {
		rep.addNode(ruleRotation, r.Key, 0, 0, false, msg("no-rules"))
	}
	maxDays := rep.rotationMax()
	if d := cfn.Get(rules, "AutomaticallyAfterDays"); d != nil && d.Kind == yaml.ScalarNode {
		if n, err := strconv.Atoi(d.Value); err == nil && n > maxDays {
			rep.addNode(ruleRotation, d, 0, 0, false, msg("interval", "days", d.Value, "max", strconv.Itoa(maxDays)))
		}
	}
	if e := cfn.Get(rules, "ScheduleExpression"); e != nil && e.Kind == yaml.ScalarNode {
		if m := rateDays.FindStringSubmatch(strings.TrimSpace(e.Value)); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n > maxDays {
				rep.addNode(ruleRotation, e, 0, 0, false, msg("interval", "days", m[1], "max", strconv.Itoa(maxDays)))
			}
		}
	}
	if hosted != nil && !st.t.TransformSM {
		rep.addNode(ruleRotation, hostedKey, 0, 0, false, msg("transform"))
	}
}
