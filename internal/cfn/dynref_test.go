package cfn

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestParseDynRef(t *testing.T) {
	cases := []struct {
		body string
		want DynRef
		ok   bool
	}{
		{"ssm:/shop/prd/a", DynRef{Service: "ssm", ID: "/shop/prd/a"}, true},
		{"ssm:/shop/prd/a:3", DynRef{Service: "ssm", ID: "/shop/prd/a", Version: "3"}, true},
		{"ssm-secure:/a/b:x", DynRef{Service: "ssm-secure", ID: "/a/b:x"}, true},
		{"ssm:arn:aws:ssm:eu-west-1:111122223333:parameter/a:2", DynRef{Service: "ssm", ID: "arn:aws:ssm:eu-west-1:111122223333:parameter/a", Version: "2"}, true},
		{"secretsmanager:prd/db", DynRef{Service: "secretsmanager", ID: "prd/db"}, true},
		{"secretsmanager:prd/db:SecretString:password:AWSPREVIOUS", DynRef{Service: "secretsmanager", ID: "prd/db", Stage: "AWSPREVIOUS", JSONKey: "password"}, true},
		{"secretsmanager:prd/db:SecretString:password::v1", DynRef{Service: "secretsmanager", ID: "prd/db", Version: "v1", JSONKey: "password"}, true},
		{"secretsmanager:arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:SecretString:k:AWSCURRENT",
			DynRef{Service: "secretsmanager", ID: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf", Stage: "AWSCURRENT", JSONKey: "k"}, true},
		{"ssm:", DynRef{}, false},
		{"ssm", DynRef{}, false},
		{"other:x", DynRef{}, false},
		{"secretsmanager::SecretString", DynRef{}, false},
	}
	for _, c := range cases {
		got, ok := ParseDynRef(c.body)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("%q: got %+v %v, want %+v %v", c.body, got, ok, c.want, c.ok)
		}
	}
}

func TestSSMName(t *testing.T) {
	for in, want := range map[string]string{
		"/shop/prd/a": "/shop/prd/a",
		"arn:aws:ssm:eu-west-1:111122223333:parameter/shop/prd/a": "/shop/prd/a",
		"arn:aws:s3:::bucket": "arn:aws:s3:::bucket",
	} {
		if got := SSMName(in); got != want {
			t.Errorf("%s: %s", in, got)
		}
	}
}

func TestWalkDynRefs(t *testing.T) {
	src := `Resources:
  S:
    Type: AWS::SecretsManager::Secret
  R:
    Type: X
    Properties:
      A: 'x {{resolve:ssm:/a/b}} y {{resolve:bad}} {{resolve:secretsmanager:id:SecretString:k::v2}}'
      B: !Join ['', ['{{resolve:secretsmanager:', !Ref S, ':SecretString:k:AWSPENDING}}']]
      C: {'Fn::Join': ['', ['{{resolve:ssm-secure:/c', '}}']]}
      D: '{{resolve:ssm:/unterminated'
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	tp := Parse(&doc)
	var got []string
	tp.WalkDynRefs(tp.Root, func(s RefSite) {
		got = append(got, s.Ref.Service+" "+s.Name()+" "+s.Ref.Stage+s.Ref.Version+" "+s.Node.Value[s.Start:s.End])
	})
	want := []string{
		"ssm /a/b  {{resolve:ssm:/a/b}}",
		"secretsmanager id v2 {{resolve:secretsmanager:id:SecretString:k::v2}}",
		"secretsmanager S AWSPENDING {{resolve:secretsmanager:",
		"ssm-secure /c  {{resolve:ssm-secure:/c",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDynRefEnd(t *testing.T) {
	for s, want := range map[string]int{
		"{{resolve:secretsmanager:${DBSecret}}}":                       38,
		"x {{resolve:ssm:/a/b}} y":                                     22,
		"{{resolve:secretsmanager:${DBSecret}:SecretString:password}}": 60,
		"{{resolve:ssm:${Env":                                          -1,
	} {
		start := strings.Index(s, "{{")
		if got := DynRefEnd(s, start); got != want {
			t.Errorf("DynRefEnd(%q) = %d, want %d", s, got, want)
		}
	}
}
