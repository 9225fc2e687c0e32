package yamlscan

import (
	"strings"
	"testing"
	"time"

	"github.com/awsguard/secretlint/internal/finding"
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

type at struct {
	rule      string
	line, col int
}

func positions(fs []finding.Finding) []at {
	var out []at
	for _, f := range fs {
		out = append(out, at{f.Rule, f.Line, f.Column})
	}
	return out
}

// TestPartialInput checks that input the parser cannot read in full keeps
// its findings, at the right places.
func TestPartialInput(t *testing.T) {
	utf16 := func(s string, big bool) string {
		var b []byte
		if big {
			b = []byte{0xfe, 0xff}
		} else {
			b = []byte{0xff, 0xfe}
		}
		for _, r := range s {
			if big {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return string(b)
	}
	pair := "password: Tq2vX9rLm4Kp\n"
	for _, c := range []struct {
		name, src string
		want      []at
		problems  int
	}{
		{"after a broken document", "a: 1\n---\na: b: c\n---\ndb:\n  password: Tq2vX9rLm4Kp\n", []at{{ruleCredential, 6, 13}}, 1},
		{"broken document as text", "a: 1\n---\n[x\npassword: Tq2vX9rLm4Kp\n---\ntoken: AKIAQTKJBJYUB7YZEA7E\n", []at{{ruleCredential, 4, 11}, {ruleToken, 6, 8}}, 1},
		{"NUL byte", "x: \x00\n" + pair + "k: AKIAQTKJBJYUB7YZEA7E\n", []at{{ruleCredential, 2, 11}, {ruleToken, 3, 4}}, 1},
		{"invalid UTF-8", "x: \xc3\x28\n" + pair, []at{{ruleCredential, 2, 11}}, 1},
		{"UTF-16LE", utf16("a: 1\n"+pair, false), []at{{ruleCredential, 2, 11}}, 0},
		{"UTF-16BE", utf16("a: 1\n"+pair, true), []at{{ruleCredential, 2, 11}}, 0},
		{"CR-only", "a: 1\rb:\r  password: Tq2vX9rLm4Kp\r# AKIAQTKJBJYUB7YZEA7E\r", []at{{ruleCredential, 3, 13}, {ruleToken, 4, 3}}, 0},
	} {
		fs, ps := scan(t, c.src)
		if len(ps) != c.problems {
			t.Errorf("%s: problems %v", c.name, ps)
		}
		got := positions(fs)
		if len(got) != len(c.want) {
			t.Errorf("%s: findings %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: findings %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// TestYAMLErrorLines checks that every YAML error has a line.
func TestYAMLErrorLines(t *testing.T) {
	for _, src := range []string{"a: 1\n---\nb: \x07\n", "a: \"\\q\"\n", "a: [\n", "a: 1\nb: &x\n  - *y\n"} {
		_, ps := scan(t, src)
		for _, p := range ps {
			if p.Line == 0 {
				t.Errorf("%q: problem without a line: %v", src, p)
			}
		}
	}
}
