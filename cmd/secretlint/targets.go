package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkTargets reports the targets that match nothing: a path that does not
// exist, or a package pattern that names no package. A mistyped target must
// fail the run instead of passing a CI gate with nothing scanned. Go
// patterns are asked of `go list -find` (no type-checking, no dependencies)
// when goScan is set and the working directory is in a Go module.
func checkTargets(args []string, goScan bool) error {
	var bad []string
	var imports []string
	for _, a := range args {
		if targetExists(a) {
			continue
		}
		if isLocal(a) || !goScan || !inGoModule() {
			bad = append(bad, fmt.Sprintf("%s: no such file or directory", a))
			continue
		}
		imports = append(imports, a)
	}
	if len(imports) > 0 {
		missing, err := missingPackages(imports)
		if err != nil {
			return err
		}
		bad = append(bad, missing...)
	}
	if len(bad) > 0 {
		return errors.New("target matches nothing: " + strings.Join(bad, "; "))
	}
	return nil
}

// targetExists reports whether a target is a file or directory; for
// `dir/...` the directory must exist.
func targetExists(a string) bool {
	if dir, ok := strings.CutSuffix(a, "/..."); ok {
		if dir == "" {
			dir = "/"
		}
		st, err := os.Stat(dir)
		return err == nil && st.IsDir()
	}
	_, err := os.Stat(a)
	return err == nil
}

// isLocal reports whether a target is a path for the go command too (it
// starts with . or / or is absolute), not an import path.
func isLocal(a string) bool {
	return a == "." || a == ".." || strings.HasPrefix(a, "./") || strings.HasPrefix(a, "../") ||
		strings.HasPrefix(a, "/") || filepath.IsAbs(a) || strings.HasPrefix(a, `.\`)
}

// missingPackages asks the go command which of the import-path patterns
// match no package, and returns one message per pattern.
func missingPackages(patterns []string) ([]string, error) {
	cmd := command("go", append([]string{"list", "-e", "-find",
		"-f", "{{.ImportPath}}\t{{.Dir}}\t{{if .Error}}{{.Error}}{{end}}", "--"}, patterns...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := runChild(cmd); err != nil {
		return nil, fmt.Errorf("go list %s: %w\n%s", strings.Join(patterns, " "), err, strings.TrimSpace(stderr.String()))
	}
	found := map[string]string{} // import path -> error of a package that has no directory
	for line := range strings.SplitSeq(stdout.String(), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) == 3 && f[1] == "" {
			found[f[0]] = strings.TrimSpace(f[2])
		}
	}
	var bad []string
	for _, p := range patterns {
		if msg, ok := found[p]; ok {
			bad = append(bad, fmt.Sprintf("%s: no such file, directory or package (%s)", p, firstLine(msg)))
			continue
		}
		if strings.Contains(stderr.String(), fmt.Sprintf("%q matched no packages", p)) {
			bad = append(bad, fmt.Sprintf("%s: pattern matches no packages", p))
		}
	}
	return bad, nil
}
