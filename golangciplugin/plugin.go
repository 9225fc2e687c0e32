// Package golangciplugin registers secretlint as a golangci-lint module
// plugin named "secretlint". Build a golangci-lint binary that includes it
// with tools/custom-gcl (offline, from the Go module proxy) or with
// `golangci-lint custom` and .custom-gcl.yml, then enable it:
//
//	linters:
//	  enable: [secretlint]
//	  settings:
//	    custom:
//	      secretlint:
//	        type: module
//	        settings:
//	          disable: [invalid-suppression]
//	          tests: exclude
//
// golangci-lint keeps only a diagnostic's message, so every message starts
// with its rule ID. Set issues.uniq-by-line: false: by default golangci-lint
// keeps one issue per line, and another linter's issue can hide a finding.
// A change of .secretlint.yaml takes effect at the next run: a hash of the
// configuration is part of golangci-lint's cache key (see BuildAnalyzers). It drops findings in non-Go files: scan YAML with the
// secretlint command in the same pipeline.
package golangciplugin

import (
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/config"
)

// Name is the linter name: the key under linters.settings.custom, and the
// name in enable lists and //nolint directives.
const Name = "secretlint"

//nolint:gochecknoinits // golangci-lint finds module plugins through init-time registration.
func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings, in kebab-case. Rule IDs are values,
// never map keys: golangci-lint lower-cases map keys.
type Settings struct {
	// Enable and Disable switch rules on and off.
	Enable  []string `json:"enable"`
	Disable []string `json:"disable"`
	// Config is a .secretlint.yaml to read instead of the nearest one.
	Config string `json:"config"`
	// Tests is the test-file policy: include, exclude or note.
	Tests string `json:"tests"`
	// Lang is en or ja.
	Lang string `json:"lang"`
}

type plugin struct {
	cfg analyzer.Config
}

// New decodes the settings; unknown keys and bad values are errors.
func New(raw any) (register.LinterPlugin, error) {
	st, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, err
	}
	if st.Lang != "" && st.Lang != "en" && st.Lang != "ja" {
		return nil, fmt.Errorf("secretlint: lang %q: want en or ja", st.Lang)
	}
	// Load once here so that a bad setting fails golangci-lint at once.
	s, err := config.Load(st.Config, ".", st.Lang)
	if err != nil {
		return nil, fmt.Errorf("secretlint: %w", err)
	}
	if err := s.Override(st.Enable, st.Disable, st.Tests); err != nil {
		return nil, fmt.Errorf("secretlint: %w", err)
	}
	return &plugin{cfg: analyzer.Config{
		ConfigFile:   st.Config,
		Lang:         st.Lang,
		Tests:        st.Tests,
		Enable:       st.Enable,
		Disable:      st.Disable,
		PrefixRuleID: true,
	}}, nil
}

// BuildAnalyzers returns the secretlint analyzer, messages prefixed with
// rule IDs, and an analyzer that does nothing but carry a hash of the
// effective configuration in its name. golangci-lint keys its cache of
// results on the names of the analyzers (and on its own settings, not on
// .secretlint.yaml): with the hash in a name, a change of .secretlint.yaml
// takes effect at the next run instead of after golangci-lint cache clean.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return []*analysis.Analyzer{analyzer.New(p.cfg), configIdentity(analyzer.ConfigHash(p.cfg, wd))}, nil
}

// configIdentity returns an analyzer that reports nothing, named after the
// configuration hash.
func configIdentity(hash string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: Name + "_config_" + hash[:16],
		Doc:  "the identity of secretlint's configuration in golangci-lint's cache; reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// GetLoadMode asks for type information: rules resolve constants and SDK types.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
