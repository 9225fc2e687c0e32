package tfscan

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/awsguard/secretlint/internal/finding"
)

// IsTerraformName reports whether a file name is a Terraform
// configuration or variables file.
func IsTerraformName(name string) bool {
	for _, ext := range []string{".tf", ".tfvars", ".tf.json", ".tfvars.json"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// skipDirs are directories never walked: .terraform holds downloaded
// modules and providers.
var skipDirs = map[string]bool{".git": true, ".terraform": true, "vendor": true, "node_modules": true}

// Walk returns the module directories under dir: the directories that
// hold *.tf or *.tf.json files, sorted. It skips .terraform, .git, vendor and
// node_modules and the directories the settings exclude. Unreadable
// directories become problems.
func (sc *Scanner) Walk(dir string) (modules []string, problems []finding.Problem) {
	seen := map[string]bool{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		slash := filepath.ToSlash(p)
		if err != nil {
			problems = append(problems, finding.Problem{File: sc.rel(p), Message: "cannot read: " + pathErr(err).Error()})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && (skipDirs[d.Name()] || sc.s.Excluded(slash)) {
				return fs.SkipDir
			}
			return nil
		}
		isTF := strings.HasSuffix(d.Name(), ".tf") || strings.HasSuffix(d.Name(), ".tf.json")
		if isTF && d.Type().IsRegular() && !seen[filepath.Dir(p)] {
			seen[filepath.Dir(p)] = true
			modules = append(modules, filepath.Dir(p))
		}
		return nil
	})
	slices.Sort(modules)
	return modules, problems
}
