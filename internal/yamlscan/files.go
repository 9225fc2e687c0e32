package yamlscan

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/awsguard/secretlint/internal/finding"
)

// IsYAMLName reports whether a file name has a YAML, JSON or template
// extension. Files named on the command line with such a name are scanned
// whatever their content.
func IsYAMLName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".template":
		return true
	case ".tpl":
		return strings.HasSuffix(strings.ToLower(name), ".json.tpl")
	}
	return false
}

// skipDirs are directories never walked.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// sniffSize is how much of a .json or .template file is read to tell
// whether it is infrastructure code.
const sniffSize = 64 << 10

// iacMarkers are sets of strings of which all occur near the start of
// every CloudFormation template, Kubernetes manifest and ECS task
// definition. One string alone is not enough: "AWS::" also fills the
// examples and models of AWS SDKs.
var iacMarkers = [][][]byte{
	{[]byte("AWSTemplateFormatVersion")},
	{[]byte(`"Resources"`), []byte(`"AWS::`)},
	{[]byte(`"Transform"`), []byte("AWS::Serverless")},
	{[]byte(`"apiVersion"`), []byte(`"kind"`)},
	{[]byte(`"containerDefinitions"`)},
	// Container definitions alone (Terraform, ecs-cli) and IAM policies.
	{[]byte(`"image"`), []byte(`"essential"`)},
	{[]byte(`"image"`), []byte(`"valueFrom"`)},
	{[]byte(`"image"`), []byte(`"environment"`), []byte(`"name"`)},
	{[]byte(`"Version"`), []byte(`"Statement"`), []byte(`"Effect"`)},
	// .template files are YAML as often as JSON.
	{[]byte("Resources:"), []byte("AWS::")},
}

// Walk returns the files to scan under dir: .yaml and .yml files, Spring
// application*.properties and bootstrap*.properties files, and
// .json and .template files that are infrastructure code (CloudFormation,
// Kubernetes, ECS task definitions). It skips .git, vendor and
// node_modules, and the paths the settings exclude. The files are
// relative to base (join them with base to open them; with base "." they
// are paths as they are) and sorted; rel paths in problems and exclusion
// checks are their slash forms. Unreadable directories become problems.
func (sc *Scanner) Walk(base, dir string) (files []string, problems []finding.Problem) {
	relOf := func(p string) string {
		if r, err := filepath.Rel(base, p); err == nil {
			return r
		}
		return p
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel := relOf(p)
		slash := filepath.ToSlash(rel)
		if err != nil {
			problems = append(problems, finding.Problem{File: slash, Message: "cannot read: " + pathErr(err).Error()})
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
		if !IsYAMLName(d.Name()) && !IsSpringPropertiesName(d.Name()) || sc.s.Excluded(slash) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".json", ".template", ".tpl":
			ok, err := sniffIaC(p)
			if err != nil {
				problems = append(problems, finding.Problem{File: slash, Message: "cannot read file: " + pathErr(err).Error()})
			}
			if !ok {
				return nil
			}
		}
		files = append(files, rel)
		return nil
	})
	slices.Sort(files)
	return files, problems
}

// sniffIaC reports whether the start of a file holds a marker of
// infrastructure code.
func sniffIaC(p string) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf, err := io.ReadAll(io.LimitReader(f, sniffSize))
	if err != nil {
		return false, err
	}
	for _, set := range iacMarkers {
		all := true
		for _, m := range set {
			all = all && bytes.Contains(buf, m)
		}
		if all {
			return true, nil
		}
	}
	return false, nil
}
