package yamlscan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
)

// TestHelmChart scans the chart under testdata/helm as one scan, with the
// paths a chart has, and checks each file's `# want` comments (rule
// db-credential-in-parameter-store unless prefixed).
func TestHelmChart(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "helm")
	var files []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && IsYAMLName(p) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 4 {
		t.Fatalf("found %d chart files", len(files))
	}
	sc := New(testSettings(t))
	type scanned struct {
		rel   string
		src   []byte
		wants []*expectation
		fs    []finding.Finding
		ps    []finding.Problem
	}
	byRel := map[string]*scanned{}
	var all []*scanned
	for _, p := range files {
		rel, _ := filepath.Rel(root, p)
		x := &scanned{rel: filepath.ToSlash(rel)}
		x.src, x.wants = loadFixture(t, p)
		x.fs, x.ps = sc.Scan(x.rel, x.src)
		byRel[x.rel] = x
		all = append(all, x)
	}
	more, _ := sc.Finish()
	for _, f := range more {
		byRel[f.File].fs = append(byRel[f.File].fs, f)
	}
	for _, x := range all {
		t.Run(x.rel, func(t *testing.T) {
			checkFindings(t, sc, ruleDBInPS, x.rel, x.src, x.wants, x.fs, x.ps)
		})
	}
}

// TestHelmTolerant checks that template actions keep their length and
// lines, and that a file outside templates/ is left alone.
func TestHelmTolerant(t *testing.T) {
	src := "{{- if .Values.on }}\nkind: Secret\nmetadata:\n  name: {{ include \"x\" . }}-db\n{{/* a\ncomment */}}\n{{- end }}\n"
	got := string(helmTolerant("chart/templates/s.yaml", []byte(src)))
	if len(got) != len(src) || strings.Count(got, "\n") != strings.Count(src, "\n") || strings.Contains(got, "{{") {
		t.Fatalf("helmTolerant = %q", got)
	}
	if want := "  name: ${ include  x  .  }-db\n"; !strings.Contains(got, want) {
		t.Errorf("helmTolerant = %q, want a line %q", got, want)
	}
	if got := string(helmTolerant("chart/values.yaml", []byte(src))); got != src {
		t.Errorf("a values file was rewritten: %q", got)
	}
}

// CloudFormation templates live in templates directories too: their
// dynamic references are not Helm actions and are still judged.
func TestCloudFormationUnderTemplatesDir(t *testing.T) {
	src := []byte(`Resources:
  DB:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: '{{resolve:ssm:UnsecureSecretString:1}}'
`)
	if isHelmTemplate("infra/templates/db.yaml", src) {
		t.Fatal("a CloudFormation template with a dynamic reference was taken for a Helm template")
	}
	fs, _ := New(testSettings(t)).Scan("infra/templates/db.yaml", src)
	if len(fs) != 1 || fs[0].Rule != "db-credential-in-parameter-store" || fs[0].Line != 5 {
		t.Errorf("findings %v, want db-credential-in-parameter-store on line 5", fs)
	}
}
