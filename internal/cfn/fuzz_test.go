package cfn

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzParseDynRef checks that parsing a dynamic reference never panics
// and that what it returns comes from the body.
func FuzzParseDynRef(f *testing.F) {
	for _, s := range []string{
		"ssm:/shop/prd/a:3", "ssm-secure:/shop/prd/b", "secretsmanager:prd/db:SecretString:password::",
		"secretsmanager:arn:aws:secretsmanager:eu-west-1:111122223333:secret:x-AbCdEf:SecretString:pw:AWSCURRENT",
		"ssm:arn:aws:ssm:eu-west-1:111122223333:parameter/a:7", "nope:x", ":", "ssm:", "secretsmanager:${S}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d, ok := ParseDynRef(body)
		if !ok {
			return
		}
		if d.Service == "" || !strings.HasPrefix(body, d.Service+":") || !strings.Contains(body, d.ID) {
			t.Fatalf("ParseDynRef(%q) = %+v", body, d)
		}
	})
}

// FuzzEval evaluates every property of a template: evaluation never
// panics and stays within the work budget.
func FuzzEval(f *testing.F) {
	f.Add(testTemplate)
	f.Add(selfMap)
	f.Add(selectChain())
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		tp := Parse(&doc)
		if tp == nil {
			return
		}
		for _, r := range tp.Order {
			if r.Props == nil || r.Props.Kind != yaml.MappingNode {
				continue
			}
			for i := 1; i < len(r.Props.Content); i += 2 {
				if ls := tp.Eval(r.Props.Content[i]); len(ls) > MaxEvalLeaves+1 {
					t.Fatalf("%d leaves", len(ls))
				}
			}
		}
		if tp.Budget != nil && tp.Budget.Steps > MaxFileSteps+MaxEvalSteps+1 {
			t.Fatalf("%d steps", tp.Budget.Steps)
		}
	})
}
