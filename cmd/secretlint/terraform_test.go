package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestTerraformExample runs the CLI on examples/terraform: a root module
// with tfvars and a local child module. Each expected finding is there,
// nothing else is, and no synthetic secret of the example is printed.
func TestTerraformExample(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "terraform")
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runIn(t, abs, "-no-go", "-format", "json", ".")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr:\n%s", stderr)
	}
	want := []string{
		"db-credential-in-parameter-store main.tf:13",
		"db-credential-not-managed main.tf:22",
		"secret-rotation-missing main.tf:69",
		"db-credential-not-managed modules/aurora/main.tf:14",
		"secret-in-parameter-store parameters.tf:2",
		"plaintext-secret-parameter parameters.tf:3",
		"hardcoded-credential prd.tfvars:2",
		"secret-parameter-without-noecho variables.tf:16",
		"static-aws-credentials versions.tf:22",
	}
	r := decode(t, out)
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Rule+" "+f.File+":"+strconv.Itoa(f.Line))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// No literal of the example that looks like a secret is printed.
	lit := regexp.MustCompile(`"([A-Za-z0-9/+]{16,})"`)
	for _, name := range []string{"versions.tf", "prd.tfvars"} {
		src, err := os.ReadFile(filepath.Join(abs, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(src), -1) {
			if strings.Contains(out, m[1]) {
				t.Errorf("the report holds a literal of %s in full (%s…)", name, m[1][:4])
			}
		}
	}
}

// TestTerraformFlags checks -no-terraform and a .tf file named on the
// command line, scanned with its module as context.
func TestTerraformFlags(t *testing.T) {
	abs, err := filepath.Abs(filepath.Join("..", "..", "examples", "terraform"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runIn(t, abs, "-no-go", "-no-terraform", "-format", "json", ".")
	if code != exitClean || len(decode(t, out).Findings) != 0 {
		t.Errorf("-no-terraform: exit %d, findings %s; stderr:\n%s", code, out, stderr)
	}
	code, out, stderr = runIn(t, abs, "-no-go", "-format", "json", "parameters.tf")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, f := range decode(t, out).Findings {
		if f.File != "parameters.tf" {
			t.Errorf("finding in %s, want only parameters.tf", f.File)
		}
	}
	if n := len(decode(t, out).Findings); n != 2 {
		t.Errorf("%d findings in parameters.tf, want 2 (its name resolved through local.prefix and prd.tfvars)", n)
	}
}

// TestTerraformWalk checks that the walk skips .terraform/ and the
// directories the configuration excludes, and finds nested modules.
func TestTerraformWalk(t *testing.T) {
	dir := t.TempDir()
	lit := "locals {\n  db_password = \"Tq2vX9rLm4Kp\"\n}\n"
	for name, content := range map[string]string{
		".secretlint.yaml":                      "exclude:\n- legacy/**\n",
		"live/prd/main.tf":                      lit,
		".terraform/modules/rds/main.tf":        lit,
		"live/prd/.terraform/modules/x/main.tf": lit,
		"legacy/main.tf":                        lit,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := runIn(t, dir, "-no-go", "-format", "json", ".")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	r := decode(t, out)
	if len(r.Findings) != 1 || r.Findings[0].File != "live/prd/main.tf" || r.Findings[0].Rule != "hardcoded-credential" {
		t.Errorf("findings = %+v, want hardcoded-credential in live/prd/main.tf only", r.Findings)
	}
}
