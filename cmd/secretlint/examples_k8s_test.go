package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// TestKindExamples runs the command on the examples of each kind under
// examples/ and checks their findings, exactly: rule, file and line.
func TestKindExamples(t *testing.T) {
	cases := map[string][]string{
		"kubernetes": {
			"db-credential-in-parameter-store orders.yaml:11",
			"rotation-breaking-version-pin orders.yaml:21",
			"hardcoded-credential orders.yaml:43",
			"hardcoded-credential orders.yaml:51",
			"static-aws-credentials secretstores.yaml:26",
		},
		"helm": {
			"db-credential-in-parameter-store orders/templates/externalsecret.yaml:22",
			"hardcoded-credential orders/values.yaml:6",
		},
		"compose": {
			"hardcoded-credential docker-compose.yml:3",
		},
		"iam-policy": {
			"broad-secret-access orders-task-role.json:12",
		},
		"ecs": {
			"db-credential-in-parameter-store container-definitions.json.tpl:8",
			"hardcoded-credential container-definitions.json.tpl:12",
		},
	}
	for kind, want := range cases {
		t.Run(kind, func(t *testing.T) {
			code, out, stderr := runIn(t, filepath.Join("..", "..", "examples", kind), "-format", "json", "./...")
			if code != exitFindings {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
			}
			r := decode(t, out)
			if len(r.Problems) > 0 {
				t.Errorf("problems: %+v", r.Problems)
			}
			var got []string
			for _, f := range r.Findings {
				got = append(got, fmt.Sprintf("%s %s:%d", f.Rule, f.File, f.Line))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n%v\nwant:\n%v", got, want)
			}
		})
	}
}
