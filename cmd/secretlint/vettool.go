package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/config"
)

// vetMain speaks the unitchecker protocol of go vet -vettool. Messages end
// with their rule ID, as in the text output. -V=full, which the go command
// takes as the tool's identity in its cache key, includes a hash of the
// configuration files, so a change of .secretlint.yaml is never hidden by
// cached vet results.
func vetMain(args []string) {
	if slices.Contains(args, "-V=full") {
		if err := vetVersion(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "secretlint: %v\n", err)
			os.Exit(exitError)
		}
		os.Exit(exitClean)
	}
	if last := args[len(args)-1]; strings.HasSuffix(last, ".cfg") && vetxTypesOnly(last) {
		os.Exit(exitClean)
	}
	unitchecker.Main(analyzer.New(analyzer.Config{SuffixRuleID: true}))
}

// vetVersion prints the line the go command expects of -V=full:
// "<tool> version devel … buildID=<id>", the ID a hash of the executable
// and of the configuration.
func vetVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	fmt.Fprint(h, vetConfigHash(wd))
	_, err = fmt.Fprintf(w, "%s version devel secretlint-%s buildID=%x\n", exe, version(), h.Sum(nil))
	return err
}

// vetConfigHash hashes what the analyzer may read under go vet, which runs
// it in each package's directory: the configuration nearest to dir, every
// configuration file below dir (packages in subdirectories find those
// first) and the locale.
func vetConfigHash(dir string) string {
	h := sha256.New()
	fmt.Fprint(h, analyzer.ConfigHash(analyzer.Config{SuffixRuleID: true}, dir))
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // an unreadable directory holds no configuration we could read either
		}
		if d.IsDir() {
			name := d.Name()
			if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				name == "testdata" || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == config.FileName {
			src, _ := os.ReadFile(p)
			fmt.Fprintf(h, "%s %d\n", p, len(src))
			h.Write(src)
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}
