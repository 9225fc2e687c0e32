// Package config reads .secretlint.yaml and turns it, with the catalogue,
// into the Settings every secretlint engine runs with.
package config

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
)

// TestPolicy says what happens to findings in test code (`_test.go` files
// and files under `testdata/` directories).
type TestPolicy string

// Test policies.
const (
	// TestsInclude reports findings in tests like any other.
	TestsInclude TestPolicy = "include"
	// TestsExclude does not report findings in tests.
	TestsExclude TestPolicy = "exclude"
	// TestsNote reports findings in tests with severity note.
	TestsNote TestPolicy = "note"
)

// DefaultMaxFileSize is the size above which a YAML or JSON file is not
// parsed but reported.
const DefaultMaxFileSize = 4 << 20

// Settings is the effective configuration of a run: how its texts read,
// which findings it reports, and how its engines scan.
type Settings struct {
	Texts
	Policy
	Engine
	// Source is the configuration file the settings came from, or "".
	Source string
}

// Texts composes a run's messages: the catalogue in the run's language.
type Texts struct {
	Catalogue *secretlint.Catalogue
	// Lang is "en" or "ja".
	Lang string
}

// Policy decides which findings a run reports and how severe they are.
type Policy struct {
	// Rules maps every catalogue rule ID to whether it runs.
	Rules map[string]bool
	// Severity maps every catalogue rule ID to its effective severity.
	Severity map[string]secretlint.Severity
	Tests    TestPolicy
	// AllowPaths are globs of files no rule reports; RuleAllowPaths per rule.
	AllowPaths     []string
	RuleAllowPaths map[string][]string
	// Exclude are globs of files and directories not scanned at all.
	Exclude []string
	// Root is the directory path globs are relative to: the configuration
	// file's directory, or the working directory without one.
	Root string
	// cwd is the working directory when the settings were made: relative
	// paths are relative to it (no system call per path).
	cwd string
}

// Engine holds what the engines scan with.
type Engine struct {
	Matcher     *match.Matcher
	MaxFileSize int64
	// Generated includes generated Go files (skipped by default).
	Generated bool
	// RotationMaxDays is the longest interval of a rotation schedule.
	RotationMaxDays int
	// ParameterHierarchy is the shape Parameter Store names must have.
	ParameterHierarchy string
}

// DefaultRotationMaxDays is the rotation interval above which a schedule
// is reported; MaxRotationDays the largest Secrets Manager accepts.
const (
	DefaultRotationMaxDays = 90
	MaxRotationDays        = 1000
)

// DefaultParameterHierarchy is the shape of Parameter Store names the
// guideline asks for: /ccntnt/prd/tomcat/SPRING_DATASOURCE_URL.
const DefaultParameterHierarchy = "/{system}/{env}/{app}/{KEY}"

// HierarchyRegexp compiles a parameter hierarchy: `/`-separated segments,
// each literal text or a {placeholder} standing for one non-empty segment.
// It must start with `/` and hold at least one placeholder.
func HierarchyRegexp(h string) (*regexp.Regexp, error) {
	if !strings.HasPrefix(h, "/") {
		return nil, fmt.Errorf("%q does not start with /", h)
	}
	var b strings.Builder
	b.WriteString("^")
	holes := 0
	for _, seg := range strings.Split(h[1:], "/") {
		if seg == "" {
			return nil, fmt.Errorf("%q has an empty segment", h)
		}
		b.WriteString("/")
		for seg != "" {
			i := strings.IndexByte(seg, '{')
			if i < 0 {
				b.WriteString(regexp.QuoteMeta(seg))
				break
			}
			j := strings.IndexByte(seg[i:], '}')
			if j < 2 {
				return nil, fmt.Errorf("%q has an unclosed or empty {placeholder}", h)
			}
			b.WriteString(regexp.QuoteMeta(seg[:i]))
			b.WriteString(`[^/]+`)
			holes++
			seg = seg[i+j+1:]
		}
	}
	if holes == 0 {
		return nil, fmt.Errorf("%q has no {placeholder}", h)
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// Default returns the settings with no configuration file: the catalogue's
// defaults and the language from the environment.
func Default() (*Settings, error) {
	cat, err := secretlint.Load()
	if err != nil {
		return nil, err
	}
	return (&File{}).Settings(cat, "")
}

// Enabled reports whether rule runs.
func (s *Policy) Enabled(rule string) bool { return s.Rules[rule] }

// Known reports whether rule is a catalogue rule.
func (s *Texts) Known(rule string) bool { return s.Catalogue.Rule(rule) != nil }

// Rule returns the catalogue rule.
func (s *Texts) Rule(id string) *secretlint.Rule { return s.Catalogue.Rule(id) }

// Message formats rule's message in the run's language.
func (s *Texts) Message(rule string, args ...string) string {
	r := s.Catalogue.Rule(rule)
	if r == nil {
		return rule
	}
	return r.Format(s.Lang, args...)
}

// Phrase formats a catalogue phrase in the run's language.
func (s *Texts) Phrase(id string, args ...string) string {
	return s.Catalogue.Phrase(id, s.Lang, args...)
}

// IsTestFile reports whether a slash-separated path is test code.
func IsTestFile(p string) bool {
	p = path.Clean("/" + p)
	return strings.HasSuffix(p, "_test.go") || strings.Contains(p, "/testdata/")
}

// Skip reports whether a finding of rule in the slash-separated path p
// (relative to the scan root) is not reported: its rule is off, its path
// is allowlisted, or it is test code under the exclude policy.
func (s *Policy) Skip(rule, p string) bool {
	p = s.rel(p)
	if !s.Rules[rule] {
		return true
	}
	if s.Tests == TestsExclude && IsTestFile(p) {
		return true
	}
	return MatchAny(s.AllowPaths, p) || MatchAny(s.RuleAllowPaths[rule], p)
}

// SeverityOf returns the severity of a finding of rule in path p.
func (s *Policy) SeverityOf(rule, p string) secretlint.Severity {
	p = s.rel(p)
	if s.Tests == TestsNote && IsTestFile(p) {
		return secretlint.SeverityNote
	}
	return s.Severity[rule]
}

// Excluded reports whether the slash-separated path p is not scanned.
func (s *Policy) Excluded(p string) bool { return MatchAny(s.Exclude, s.rel(p)) }

// rel makes a path (absolute, or relative to the working directory)
// relative to Root, slash-separated; a path outside Root stays as it is.
func (s *Policy) rel(p string) string {
	if s.Root == "" {
		return filepath.ToSlash(p)
	}
	abs := filepath.FromSlash(p)
	if !filepath.IsAbs(abs) {
		if s.cwd == "" {
			return filepath.ToSlash(p)
		}
		abs = filepath.Join(s.cwd, abs)
	}
	r, err := filepath.Rel(s.Root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// Override applies command-line or plugin overrides: rules to enable and
// disable, and the test policy (empty keeps the configured one).
func (s *Settings) Override(enable, disable []string, tests string) error {
	switch p := TestPolicy(tests); p {
	case "":
	case TestsInclude, TestsExclude, TestsNote:
		s.Tests = p
	default:
		return fmt.Errorf("tests %q is not include, exclude or note", tests)
	}
	for _, l := range []struct {
		ids []string
		on  bool
	}{{enable, true}, {disable, false}} {
		for _, id := range l.ids {
			if id = strings.TrimSpace(id); id == "" {
				continue
			}
			if !s.Known(id) {
				return fmt.Errorf("unknown rule %q (see secretlint rules)", id)
			}
			s.Rules[id] = l.on
		}
	}
	return nil
}

// MessageAs formats a variant of rule's message in the run's language.
func (s *Texts) MessageAs(rule, variant string, args ...string) string {
	r := s.Catalogue.Rule(rule)
	if r == nil {
		return rule
	}
	return r.FormatAs(variant, s.Lang, args...)
}
