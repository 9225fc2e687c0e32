package yamlscan

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// actionsDocument checks a GitHub Actions workflow: the `aws ssm`
// commands of its `run:` steps (see shellSteps), and
// aws-actions/configure-aws-credentials steps given long-lived access
// keys (static-aws-credentials, whose severity is error: a key pair in CI
// secrets lives until someone deactivates it, where GitHub's OIDC
// provider and `role-to-assume` give credentials that expire with the
// job). Literal secrets in `env` are the generic checks' part;
// `${{ secrets.X }}` is fine.
//
// The steps of a composite action (action.yml with `runs.using:
// composite`) are checked the same way.
func (f *fileScan) actionsDocument(root *yaml.Node) {
	if runs := getPath(root, "runs"); compositeAction(runs) {
		f.actionSteps(cfn.Get(runs, "steps"), "runs")
	}
	jobs := getPath(root, "jobs")
	if jobs == nil || jobs.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(jobs.Content); i += 2 {
		f.actionSteps(cfn.Get(jobs.Content[i+1], "steps"), "jobs", jobs.Content[i].Value)
	}
}

// actionSteps checks the steps of a job or composite action, found at the
// path parent.
func (f *fileScan) actionSteps(steps *yaml.Node, parent ...string) {
	if steps == nil || steps.Kind != yaml.SequenceNode {
		return
	}
	for j, step := range steps.Content {
		if run := cfn.Get(step, "run"); run != nil && run.Kind == yaml.ScalarNode {
			f.shellSteps(run)
		}
		at := joinPath(append(parent, "steps", "["+strconv.Itoa(j)+"]", "with"))
		f.configureCredentials(step, at)
	}
}

// accessKeyInputs are the inputs of configure-aws-credentials that take a
// long-lived key pair.
var accessKeyInputs = []string{"aws-access-key-id", "aws-secret-access-key"}

// configureCredentials reports a configure-aws-credentials step given
// access keys, at its first access-key input.
func (f *fileScan) configureCredentials(step *yaml.Node, at string) {
	uses := cfn.ScalarValue(cfn.Get(step, "uses"))
	if !strings.HasPrefix(uses, "aws-actions/configure-aws-credentials@") && uses != "aws-actions/configure-aws-credentials" || f.skip(ruleStaticAWS) {
		return
	}
	with := cfn.Get(step, "with")
	for _, in := range accessKeyInputs {
		k, v := cfn.GetPair(with, in)
		if k == nil || v == nil || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			continue
		}
		place := f.s.Phrase("yaml_value_at", "path", at+"."+k.Value)
		f.addNode(ruleStaticAWS, v, 0, 0, false, f.s.MessageAs(ruleStaticAWS, "ci-keys", "place", place))
		return
	}
}
