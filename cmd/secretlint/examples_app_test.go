package main

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// TestAppExamples runs the command on the examples of the application
// kinds (serverless, Spring, GitHub Actions, CodeBuild) and checks each
// finding, by rule, file and line: nothing more, nothing less.
func TestAppExamples(t *testing.T) {
	for _, c := range []struct {
		dir  string
		want []string
	}{
		{"serverless", []string{
			"db-credential-in-parameter-store resources/database.yml:9",
			"db-credential-in-parameter-store serverless.yml:14",
			"broad-secret-access serverless.yml:21",
			"secret-exposed-in-plaintext serverless.yml:26",
		}},
		{"spring", []string{
			"hardcoded-credential src/main/resources/application-dev.properties:4",
			"hardcoded-credential src/main/resources/application-dev.properties:6",
			"db-credential-in-parameter-store src/main/resources/application.yml:5",
		}},
		{"github-actions", []string{
			"db-credential-in-parameter-store .github/workflows/deploy.yml:21",
			"static-aws-credentials .github/workflows/release.yml:11",
			"secret-in-parameter-store .github/workflows/release.yml:17",
			"plaintext-secret-parameter .github/workflows/release.yml:17",
		}},
		{"codebuild", []string{
			"db-credential-in-parameter-store buildspec.yml:7",
			"db-credential-in-parameter-store template.yaml:19",
		}},
	} {
		t.Run(c.dir, func(t *testing.T) {
			code, out, stderr := runIn(t, filepath.Join("..", "..", "examples", c.dir), "-no-go", "-format", "json", ".")
			if code != exitFindings {
				t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			r := decode(t, out)
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Rule+" "+filepath.ToSlash(f.File)+":"+strconv.Itoa(f.Line))
				if f.Message == "" {
					t.Errorf("%s:%d: empty message", f.File, f.Line)
				}
			}
			for _, p := range r.Problems {
				t.Errorf("problem: %s: %s", p.File, p.Message)
			}
			slices.Sort(got)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n%v\nwant:\n%v", got, want)
			}
		})
	}
}
