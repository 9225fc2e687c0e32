package main

import (
	"path/filepath"
	"testing"
)

// TestSinglePackageTargetKeepsFacts: with only ./store targeted, the
// reads through the helper package store/paramstore, by its functions
// and through the interface it implements, are reported as in a ./...
// run, and nothing in the helper package itself.
func TestSinglePackageTargetKeepsFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real AWS SDKs")
	}
	dir := filepath.Join("..", "..", "testdata", "sdkmod")
	code, out, stderr := runIn(t, dir, "-format", "json", "./store")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	got := findingKeys(t, out)
	for _, k := range []string{
		"store/store.go:72 db-credential-in-parameter-store", // paramstore.Connection, then sql.Open
		"store/store.go:80 db-credential-in-parameter-store", // paramstore.Get(ctx, c, "MYSQL_PASSWORD")
		"store/iface.go:14 db-credential-in-parameter-store", // paramstore.Reader.Read, implemented in store/paramstore
	} {
		if !got[k] {
			t.Errorf("missing %s in %v", k, got)
		}
	}
	for k := range got {
		if filepath.Dir(k) == "store/paramstore" {
			t.Errorf("finding outside the target: %s", k)
		}
	}
}
