package cfn

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const testTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Transform: [AWS::Serverless-2016-10-31, AWS::SecretsManager-2020-07-23]
Parameters:
  DbPassword: {Type: String, NoEcho: true}
  SsmPw: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /shop/prd/db/pw}
  Env: {Type: String, Default: prd}
Mappings:
  M:
    prd: {pw: one, host: db.prd}
    dev: {pw: two, host: db.dev}
Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: {Name: prd/shop/db}
  Attach:
    Type: AWS::SecretsManager::SecretTargetAttachment
    Properties: {SecretId: !Ref Secret, TargetId: !Ref Db}
  Param:
    Type: AWS::SSM::Parameter
    Properties: {Name: /shop/prd/x, Type: String, Value: v}
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      ManageMasterUserPassword: true
  Cases:
    Type: Test::Cases
    Properties:
      Literal: plain
      Bool: true
      Ref: !Ref DbPassword
      RefLong: {Ref: DbPassword}
      NoValue: !Ref AWS::NoValue
      Pseudo: !Ref AWS::Region
      SsmType: !Ref SsmPw
      RefSecret: !Ref Secret
      RefAttach: !Ref Attach
      RefParam: !Ref Param
      GetAttParam: !GetAtt Param.Value
      GetAttSecret: !GetAtt [Secret, Id]
      GetAttManaged: !GetAtt Db.MasterUserSecret.SecretArn
      If: !If [C, !Ref DbPassword, !Ref AWS::NoValue]
      Select: !Select [1, [a, b, c]]
      SelectAny: !Select [!Ref Env, [a, b]]
      FindInMap: !FindInMap [M, !Ref Env, pw]
      FindInMapLit: !FindInMap [M, prd, host]
      Sub: !Sub 'x-${DbPassword}-${AWS::Region}-${!Lit}'
      SubVars: !Sub ['${A}', {A: !Ref Secret}]
      SubAttr: !Sub '${Param.Value}'
      Join: !Join ['', ['{{resolve:secretsmanager:', !Ref Secret, ':SecretString:password}}']]
      JoinLit: !Join [':', [a, b]]
      DynSSM: '{{resolve:ssm:/shop/prd/a:3}}'
      DynSecure: 'pre {{resolve:ssm-secure:/shop/prd/b}} post'
      DynSM: !Sub '{{resolve:secretsmanager:${Secret}:SecretString:password}}'
      DynBad: '{{resolve:nope:x}}'
      Import: !ImportValue other
      Base64: {Fn::Base64: text}
      Base64Short: !Base64 text
      Split: !Split [',', 'a,b']
`

func parseTest(t *testing.T) *Template {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(testTemplate), &doc); err != nil {
		t.Fatal(err)
	}
	tp := Parse(&doc)
	if tp == nil {
		t.Fatal("no template")
	}
	return tp
}

// leafString formats the leaves of a value: source, text, secret,
// parameter and the part of the scalar.
func leafString(ls []Leaf) string {
	var out []string
	for _, l := range ls {
		s := fmt.Sprintf("%d:%s", l.Source, l.Text)
		if l.Secret != "" {
			s += " secret=" + l.Secret
		}
		if l.Param != nil {
			s += " param=" + l.Param.Name
		}
		if l.Ref != nil {
			s += " ref=" + l.Ref.Service
		}
		if l.End > 0 && l.Node != nil {
			s += " part=" + l.Node.Value[l.Start:l.End]
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestParse(t *testing.T) {
	tp := parseTest(t)
	if !tp.TransformSM || tp.Mappings == nil || len(tp.Order) != 5 || tp.Order[0].ID != "Secret" {
		t.Errorf("sections: transform %v mappings %v order %d", tp.TransformSM, tp.Mappings != nil, len(tp.Order))
	}
	if got := strings.Join(tp.ParamNames(), ","); got != "DbPassword,SsmPw,Env" {
		t.Errorf("params %s", got)
	}
	if p := tp.Params["DbPassword"]; !p.NoEcho || p.SSMType() || p.DefaultText() != "DbPassword" {
		t.Errorf("DbPassword %+v", p)
	}
	if p := tp.Params["SsmPw"]; !p.SSMType() || p.DefaultText() != "/shop/prd/db/pw" {
		t.Errorf("SsmPw %+v", p)
	}
	if id := tp.SecretByName("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prd/shop/db-AbCdEf"); id != "Secret" {
		t.Errorf("SecretByName: %q", id)
	}
	var doc yaml.Node
	_ = yaml.Unmarshal([]byte("[a]"), &doc)
	if Parse(&doc) != nil {
		t.Error("a sequence parsed as a template")
	}
}

func TestEval(t *testing.T) {
	tp := parseTest(t)
	cases := tp.Resources["Cases"]
	want := map[string]string{
		"Literal":       "1:plain part=plain",
		"Bool":          "",
		"Ref":           "6:DbPassword param=DbPassword",
		"RefLong":       "6:DbPassword param=DbPassword",
		"NoValue":       "2:",
		"Pseudo":        "0:",
		"SsmType":       "5:/shop/prd/db/pw param=SsmPw",
		"RefSecret":     "3:Secret secret=Secret",
		"RefAttach":     "3:Secret secret=Secret",
		"RefParam":      "5:/shop/prd/x",
		"GetAttParam":   "5:/shop/prd/x",
		"GetAttSecret":  "3:Secret secret=Secret",
		"GetAttManaged": "3:Db",
		"If":            "6:DbPassword param=DbPassword; 2:",
		"Select":        "1:b part=b",
		"SelectAny":     "1:a part=a; 1:b part=b",
		"FindInMap":     "1:one part=one; 1:two part=two",
		"FindInMapLit":  "1:db.prd part=db.prd",
		"Sub":           "6:DbPassword param=DbPassword; 0:",
		"SubVars":       "3:Secret secret=Secret",
		"SubAttr":       "5:/shop/prd/x",
		"Join":          "3:Secret secret=Secret ref=secretsmanager part={{resolve:secretsmanager:",
		"JoinLit":       "1:a:b part=a",
		"DynSSM":        "5:/shop/prd/a ref=ssm part={{resolve:ssm:/shop/prd/a:3}}",
		"DynSecure":     "4:/shop/prd/b ref=ssm-secure part={{resolve:ssm-secure:/shop/prd/b}}",
		"DynSM":         "3:Secret secret=Secret ref=secretsmanager part={{resolve:secretsmanager:${Secret}:SecretString:password}}",
		"DynBad":        "",
		"Import":        "0:",
		"Base64":        "1:text part=text",
		// The short form of Fn::Base64: its argument is the tagged node.
		"Base64Short": "1:text part=text",
		"Split":       "1:a,b part=a,b",
	}
	for prop, w := range want {
		if got := leafString(tp.Eval(cases.Prop(prop))); got != w {
			t.Errorf("%s: got %q, want %q", prop, got, w)
		}
	}
	if got, ok := tp.Flat(cases.Prop("Join")); !ok || got != "{{resolve:secretsmanager:${…}:SecretString:password}}" {
		t.Errorf("Flat(Join) = %q, %v", got, ok)
	}
	if got := strings.Join(tp.ExportNames("Secret"), ","); got != "" {
		t.Errorf("exports %s", got)
	}
}

// TestEvalDepth checks that self-referencing mappings end.
func TestEvalDepth(t *testing.T) {
	var b strings.Builder
	b.WriteString("Resources:\n  R:\n    Type: X\n    Properties:\n      P: ")
	for range MaxEvalDepth * 2 {
		b.WriteString("!Base64 [")
	}
	b.WriteString("deep")
	b.WriteString(strings.Repeat("]", MaxEvalDepth*2))
	b.WriteString("\n")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	tp := Parse(&doc)
	if ls := tp.Eval(tp.Resources["R"].Prop("P")); len(ls) != 1 || ls[0].Source != SourceUnknown || !tp.Budget.Exceeded() {
		t.Errorf("evaluated past the depth limit: %s", leafString(ls))
	}
}

func TestBranches(t *testing.T) {
	src := `
A: !If [C, {K: 1}, !Ref AWS::NoValue]
B: {"Fn::If": [C, x, {"Fn::If": [D, y, {Ref: "AWS::NoValue"}]}]}
C: plain
D: !Ref AWS::NoValue
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	got := func(key string) []string {
		var out []string
		for _, b := range Branches(Get(m, key)) {
			if b.Kind == yaml.MappingNode {
				out = append(out, "{"+b.Content[0].Value+"}")
				continue
			}
			out = append(out, b.Value)
		}
		return out
	}
	for key, want := range map[string][]string{"A": {"{K}"}, "B": {"x", "y"}, "C": {"plain"}, "D": nil} {
		if g := got(key); !slices.Equal(g, want) {
			t.Errorf("Branches(%s) = %q, want %q", key, g, want)
		}
	}
	if Branches(nil) != nil {
		t.Error("Branches(nil) is not empty")
	}
}
