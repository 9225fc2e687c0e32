package cfn

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func parseString(t *testing.T, src string) *Template {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	tp := Parse(&doc)
	if tp == nil {
		t.Fatal("no template")
	}
	return tp
}

// selfMap is a mapping whose entries look themselves up with non-literal
// keys: 3 keys at each level fan out 27-fold at every step.
const selfMap = `Mappings:
  M:
    a: &x {a: &f !FindInMap [M, !Ref P, !Ref P], b: *f, c: *f}
    b: *x
    c: *x
Resources:
  D:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !FindInMap [M, !Ref P, !Ref P]
`

// selectChain is a Fn::Select over 7 levels of aliases of 8-item lists:
// 8^7 values.
func selectChain() string {
	var b strings.Builder
	b.WriteString("X:\n  l0: &l0 [lit, b, c, d, e, f, g, h]\n")
	for i := 1; i < 7; i++ {
		p := "*l" + string(rune('0'+i-1))
		b.WriteString("  l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [" + strings.Repeat(p+", ", 7) + p + "]\n")
	}
	b.WriteString("Resources:\n  D:\n    Type: X\n    Properties:\n      P: !Select [!Ref I, *l6]\n")
	return b.String()
}

func TestBudgetFanOut(t *testing.T) {
	for name, src := range map[string]string{"FindInMap": selfMap, "Select": selectChain()} {
		t.Run(name, func(t *testing.T) {
			tp := parseString(t, src)
			start := time.Now()
			ls := tp.Eval(tp.Resources["D"].Props.Content[1])
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if len(ls) > MaxEvalLeaves+1 {
				t.Errorf("%d leaves, want at most %d", len(ls), MaxEvalLeaves+1)
			}
			if !tp.Budget.Exceeded() || tp.Budget.Over == nil || tp.Budget.Over.Line == 0 {
				t.Errorf("budget not recorded as exceeded: %+v", tp.Budget)
			}
			if ls[len(ls)-1].Source != SourceUnknown {
				t.Errorf("last leaf %v, want an unknown value standing for the rest", ls[len(ls)-1].Source)
			}
			// Every later evaluation of the file is bounded too.
			for range 200 {
				tp.Eval(tp.Resources["D"].Props.Content[1])
			}
			if tp.Budget.Steps > MaxFileSteps+MaxEvalSteps {
				t.Errorf("%d steps in the file", tp.Budget.Steps)
			}
		})
	}
}

// TestBudgetIfChain checks that a literal under more than 12 nested
// aliases of Fn::If is found.
func TestBudgetIfChain(t *testing.T) {
	var b strings.Builder
	b.WriteString("X:\n  a0: &a0 lit\n")
	for i := 1; i <= 20; i++ {
		b.WriteString("  a" + itoa(i) + ": &a" + itoa(i) + " !If [C, *a" + itoa(i-1) + ", !Ref AWS::NoValue]\n")
	}
	b.WriteString("Resources:\n  D:\n    Type: X\n    Properties:\n      P: *a20\n")
	tp := parseString(t, b.String())
	ls := tp.Eval(tp.Resources["D"].Props.Content[1])
	if len(ls) == 0 || ls[0].Source != SourceLiteral || ls[0].Text != "lit" {
		t.Errorf("got %s, want the literal first", leafString(ls))
	}
	if tp.Budget.Exceeded() {
		t.Errorf("budget exceeded: %s", tp.Budget.Reason)
	}
}

// TestBudgetAttachmentCycle checks that attachments naming each other end.
func TestBudgetAttachmentCycle(t *testing.T) {
	tp := parseString(t, `Resources:
  A: {Type: AWS::SecretsManager::SecretTargetAttachment, Properties: {SecretId: !Ref B}}
  B: {Type: AWS::SecretsManager::SecretTargetAttachment, Properties: {SecretId: !Ref A}}
  D: {Type: X, Properties: {P: !Ref A}}
`)
	tp.Eval(tp.Resources["D"].Props.Content[1])
	if !tp.Budget.Exceeded() {
		t.Error("a cycle of attachments within budget")
	}
}

// TestUnknownTag checks that a local tag that is no intrinsic function
// keeps its value, and that reference tags do not.
func TestUnknownTag(t *testing.T) {
	tp := parseString(t, `Resources:
  D:
    Type: X
    Properties: {A: !Vault lit1, B: !Custom lit2, C: !secret db_password, D: !Ref P, E: !include x.yaml}
`)
	want := map[string]string{"A": "1:lit1 part=lit1", "B": "1:lit2 part=lit2", "C": "", "D": "0:", "E": ""}
	for prop, w := range want {
		if got := leafString(tp.Eval(tp.Resources["D"].Prop(prop))); got != w {
			t.Errorf("%s: got %q, want %q", prop, got, w)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
