package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/awsguard/secretlint/internal/config"
)

// ConfigHash returns a hash of the effective configuration of an analyzer
// run from dir: cfg itself, the content of the configuration file it reads
// (cfg.ConfigFile, else the nearest .secretlint.yaml) and the locale
// variables the language falls back to. Drivers that cache results per
// analyzer identity (go vet's -V=full, golangci-lint's analyzer names) fold
// it in, so that a change of .secretlint.yaml takes effect at once.
func ConfigHash(cfg Config, dir string) string {
	h := sha256.New()
	fmt.Fprintf(h, "config %q\nyaml %q\nlang %q\ntests %q\nenable %q\ndisable %q\nprefix %v\nsuffix %v\n",
		cfg.ConfigFile, cfg.ConfigYAML, cfg.Lang, cfg.Tests, cfg.Enable, cfg.Disable, cfg.PrefixRuleID, cfg.SuffixRuleID)
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		fmt.Fprintf(h, "%s=%q\n", v, os.Getenv(v))
	}
	file := cfg.ConfigFile
	if file != "" && !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	if file == "" && cfg.ConfigYAML == "" {
		file = config.Find(dir)
	}
	if file != "" {
		src, err := os.ReadFile(file)
		fmt.Fprintf(h, "file %q %v\n%d:", file, err != nil, len(src))
		h.Write(src)
	}
	return hex.EncodeToString(h.Sum(nil))
}
