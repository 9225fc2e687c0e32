package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/pipeline"
)

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	app := filepath.Join(dir, "app.yaml")
	writeFile(t, app, "db:\n  password: Vq7rT2xLm9\napi:\n  token: k3J9xQ2mW8vT5rL1\n")
	if code, _, stderr := runIn(t, dir, "baseline", "-output", "base.json", "."); code != exitClean {
		t.Fatalf("baseline: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "base.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Vq7rT2xLm9") || strings.Contains(string(data), `"line"`) {
		t.Fatalf("baseline holds a secret or line numbers:\n%s", data)
	}
	var b pipeline.Baseline
	if err := json.Unmarshal(data, &b); err != nil || len(b.Entries) != 2 {
		t.Fatalf("baseline = %+v, %v; want 2 entries", b, err)
	}

	// Accepted findings are hidden, also after their lines move.
	writeFile(t, app, "# moved down\n\ndb:\n  password: Vq7rT2xLm9\napi:\n  token: k3J9xQ2mW8vT5rL1\n")
	if code, out, stderr := runIn(t, dir, "-baseline", "base.json", "."); code != exitClean || out != "" || stderr != "" {
		t.Fatalf("exit %d, output %q, stderr %q; want a clean run", code, out, stderr)
	}

	// The fingerprint does not see the secret: a new secret under the
	// same key on a baselined line stays accepted.
	writeFile(t, app, "db:\n  password: Wz8sU3yMn0q\napi:\n  token: k3J9xQ2mW8vT5rL1\n")
	if code, out, stderr := runIn(t, dir, "-baseline", "base.json", "."); code != exitClean || out != "" || stderr != "" {
		t.Fatalf("new secret, same key: exit %d, output %q, stderr %q; want a clean run", code, out, stderr)
	}

	// A changed key on a baselined line is reported; the entry it replaced is stale.
	writeFile(t, app, "db:\n  db_password: Wz8sU3yMn0q\napi:\n  token: k3J9xQ2mW8vT5rL1\n")
	code, out, stderr := runIn(t, dir, "-baseline", "base.json", ".")
	if code != exitFindings || !strings.Contains(out, "app.yaml:2:") || strings.Contains(out, "app.yaml:4:") {
		t.Fatalf("exit %d, output:\n%s\nwant only the changed line reported", code, out)
	}
	if !strings.Contains(stderr, "stale entry: hardcoded-credential in app.yaml") {
		t.Errorf("stale entry not reported:\n%s", stderr)
	}

	if code, _, stderr := runIn(t, dir, "-baseline", "missing.json", "."); code != exitError || !strings.Contains(stderr, "missing.json") {
		t.Errorf("missing baseline: exit %d, stderr %q", code, stderr)
	}
}

func TestNewFromRev(t *testing.T) {
	dir, gitIn := gitRepo(t)
	gitIn("init", "-q")
	writeFile(t, filepath.Join(dir, "svc", "app.yaml"), "db:\n  password: Vq7rT2xLm9\n")
	gitIn("add", ".")
	gitIn("commit", "-q", "-m", "initial")
	writeFile(t, filepath.Join(dir, "svc", "app.yaml"), "db:\n  password: Vq7rT2xLm9\napi:\n  token: k3J9xQ2mW8vT5rL1\n")
	writeFile(t, filepath.Join(dir, "svc", "new.yaml"), "mail:\n  password: Wz8sU3yMn0q\n")

	code, out, stderr := runIn(t, filepath.Join(dir, "svc"), "-new-from-rev", "HEAD", ".")
	if code != exitFindings {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := "app.yaml:4:10: hard-coded token in YAML value at api.token [hardcoded-credential]\nnew.yaml:2:13: hard-coded password in YAML value at mail.password [hardcoded-credential]\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}

	patch := filepath.Join(dir, "change.patch")
	writeFile(t, patch, "diff --git a/svc/app.yaml b/svc/app.yaml\n--- a/svc/app.yaml\n+++ b/svc/app.yaml\n@@ -2,0 +3,2 @@\n+api:\n+  token: k3J9xQ2mW8vT5rL1\n")
	code, out, _ = runIn(t, filepath.Join(dir, "svc"), "-new-from-patch", patch, ".")
	if code != exitFindings || out != "app.yaml:4:10: hard-coded token in YAML value at api.token [hardcoded-credential]\n" {
		t.Errorf("-new-from-patch: exit %d, output:\n%s", code, out)
	}
}
