package yamlscan

import (
	"strings"
	"testing"
	"time"
)

// selfMapTemplate is a few hundred bytes: a mapping whose 3 keys look themselves up
// with non-literal keys, next to a hard-coded password.
const selfMapTemplate = `Mappings:
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

// selectTemplate selects among 8^7 values of aliases of aliases.
func selectTemplate() string {
	var b strings.Builder
	b.WriteString("X:\n  l0: &l0 [a, b, c, d, e, f, g, h]\n")
	for i := 1; i < 7; i++ {
		p := "*l" + itoa(i-1)
		b.WriteString("  l" + itoa(i) + ": &l" + itoa(i) + " [" + strings.Repeat(p+", ", 7) + p + "]\n")
	}
	b.WriteString("Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Select [!Ref I, *l6]\n")
	return b.String()
}

// TestWorkBudget checks that templates whose evaluation fans out
// exponentially end fast, with a positioned problem, and keep the
// findings of the rest of the file.
func TestWorkBudget(t *testing.T) {
	for name, src := range map[string]string{"FindInMap": selfMapTemplate, "Select": selectTemplate()} {
		t.Run(name, func(t *testing.T) {
			src += "  Other:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: Tq2vX9rLm4Kp\n"
			start := time.Now()
			fs, ps := scan(t, src)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
			if len(ps) != 1 || ps[0].Line == 0 || !strings.Contains(ps[0].Message, "budget") {
				t.Fatalf("problems %v, want one positioned budget problem", ps)
			}
			found := false
			for _, f := range fs {
				found = found || f.Rule == ruleCredential && strings.Contains(f.Message, "Other")
			}
			if !found {
				t.Errorf("the password of Other is not reported: %v", fs)
			}
		})
	}
}

// TestIfAliasChain checks that a literal under 20 nested aliases of !If is
// reported.
func TestIfAliasChain(t *testing.T) {
	var b strings.Builder
	b.WriteString("X:\n  a0: &a0 Tq2vX9rLm4Kp\n")
	for i := 1; i <= 20; i++ {
		b.WriteString("  a" + itoa(i) + ": &a" + itoa(i) + " !If [C, *a" + itoa(i-1) + ", !Ref AWS::NoValue]\n")
	}
	b.WriteString("Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: *a20\n")
	fs, ps := scan(t, b.String())
	if len(ps) != 0 {
		t.Errorf("problems %v", ps)
	}
	if len(fs) != 1 || fs[0].Rule != ruleCredential || fs[0].Line != 2 {
		t.Errorf("findings %v, want the literal at line 2", fs)
	}
}

// TestUnknownTags checks that a local tag that is no intrinsic function
// keeps its value.
func TestUnknownTags(t *testing.T) {
	src := "Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Vault Tq2vX9rLm4Kp\n" +
		"app:\n  password: !Custom Xq4tGbudOV7r\n  db_password: !secret db_password\n"
	fs, _ := scan(t, src)
	lines := map[int]string{}
	for _, f := range fs {
		lines[f.Line] = f.Rule
	}
	if lines[5] != ruleCredential || lines[7] != ruleCredential || lines[8] != "" {
		t.Errorf("findings %v", fs)
	}
}

// TestSecretKeysRedacted checks that a key that is itself a secret does
// not appear in the paths of messages.
func TestSecretKeysRedacted(t *testing.T) {
	src := "passwords:\n  Tq2vX9rLm4Kp:\n    password: Xq4tGbudOV7r\n" +
		"wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY9:\n  db_password: Zdw7xggGm9vu\n"
	fs, _ := scan(t, src)
	if len(fs) < 2 {
		t.Fatalf("findings %v", fs)
	}
	for _, f := range fs {
		for _, secret := range []string{"Tq2vX9rLm4Kp", "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY9"} {
			if strings.Contains(f.Message, secret) {
				t.Errorf("message holds a secret key: %s", f.Message)
			}
		}
	}
}
