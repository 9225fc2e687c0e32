package cfn

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestName(t *testing.T) {
	src := `
Parameters:
  Env: {Type: String, Default: prd}
  Full: {Type: String, Default: /shop/prd/db/password}
  NoDefault: {Type: String}
  Typed: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /shop/prd/x}
Values:
  literal: /a/b
  ref: !Ref Full
  refNoDefault: !Ref NoDefault
  refTyped: !Ref Typed
  sub: !Sub /shop/${Env}/${NoDefault}/${AWS::Region}/${!Lit}
  subVars: !Sub ['/shop/${E}/${X}', {E: !Ref Env, X: !GetAtt Res.Arn}]
  join: !Join ['/', ['', shop, !Ref Env, !Ref NoDefault]]
  other: !GetAtt Res.Arn
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	tm := Parse(&doc)
	vals := Get(tm.Root, "Values")
	for key, want := range map[string]string{
		"literal":      "/a/b",
		"ref":          "/shop/prd/db/password",
		"refNoDefault": "",
		"refTyped":     "",
		"sub":          "/shop/prd/${NoDefault}/${AWS::Region}/${!Lit}",
		"subVars":      "/shop/prd/${X}",
		"join":         "/shop/prd/${…}",
		"other":        "",
	} {
		got, ok := tm.Name(Get(vals, key))
		if got != want || ok != (want != "") {
			t.Errorf("Name(%s) = %q, %v; want %q", key, got, ok, want)
		}
	}
}
