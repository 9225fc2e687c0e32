package analyzer

import (
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/analysisdoc"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/storeflow"
)

// Flag names of the analyzer's options.
const (
	// FlagConfig names the configuration file (default: the nearest
	// .secretlint.yaml from the working directory).
	FlagConfig = "config"
	// FlagLang selects the language of messages: en or ja.
	FlagLang = "lang"
	// FlagTests sets the test-file policy: include, exclude or note.
	FlagTests = "tests"
	// FlagEnable and FlagDisable switch rules on and off: comma-separated
	// rule IDs.
	FlagEnable  = "enable"
	FlagDisable = "disable"
)

// Config configures an analyzer built by New. The zero Config reads the
// nearest .secretlint.yaml from the working directory.
type Config struct {
	// ConfigFile is the configuration file to read instead of the nearest
	// .secretlint.yaml.
	ConfigFile string
	// ConfigYAML, when not empty, is the configuration itself, as a
	// .secretlint.yaml would hold it; its path globs are relative to the
	// working directory.
	ConfigYAML string
	// Lang, when set, overrides the language of the configuration (en or ja).
	Lang string
	// Tests, when set, overrides the test-file policy: include, exclude or note.
	Tests string
	// Enable and Disable switch rules on and off after the configuration.
	Enable, Disable []string
	// PrefixRuleID starts every message with "<rule-id>: " (golangci-lint
	// drops Category).
	PrefixRuleID bool
	// SuffixRuleID ends every message with " [<rule-id>]", as the
	// secretlint command's text output does (go vet prints the message
	// alone).
	SuffixRuleID bool
}

// DefaultConfig returns the configuration of the default Analyzer: settings
// loaded from the nearest .secretlint.yaml, messages without rule prefix.
func DefaultConfig() Config { return Config{} }

// Analyzer is the secretlint analyzer with the default configuration. Its
// flags -config, -lang and -tests set its own configuration.
var Analyzer = New(DefaultConfig())

//go:embed doc.go
var docSource string

// New returns an analyzer that runs with cfg. Every analyzer has its own
// configuration and flags; nothing is shared between analyzers.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{cfg: cfg}
	// The store checks' facts live in storeflow: drivers run it on the
	// dependencies, and this analyzer on the requested packages only.
	r.storeflow = storeflow.New(storeflow.Config{
		Settings: func() (*config.Settings, error) {
			s, _, err := r.load()
			return s, err
		},
	})
	a := &analysis.Analyzer{
		Name:             "secretlint",
		Doc:              analysisdoc.Extract(docSource, "secretlint", "secretlint: report hard-coded secrets in Go source"),
		URL:              docsURL(),
		Requires:         []*analysis.Analyzer{inspect.Analyzer, r.storeflow},
		Run:              r.run,
		RunDespiteErrors: true,
	}
	a.Flags.StringVar(&r.cfg.ConfigFile, FlagConfig, cfg.ConfigFile,
		"configuration file (default: the nearest "+config.FileName+" from the working directory)")
	a.Flags.Var(langFlag{&r.cfg.Lang}, FlagLang,
		"language of messages: "+strings.Join(secretlint.Languages, " or ")+" (default: the configuration file, then LANG)")
	a.Flags.Var(testsFlag{&r.cfg.Tests}, FlagTests,
		"findings in test files: include, exclude or note (default: the configuration file, then include)")
	a.Flags.Var(listFlag{&r.cfg.Enable}, FlagEnable, "comma-separated rule IDs to switch on (opt-in rules)")
	a.Flags.Var(listFlag{&r.cfg.Disable}, FlagDisable, "comma-separated rule IDs to switch off")
	return a
}

// docsURL returns the address of the rules documentation; rule IDs are its
// anchors, so drivers link a diagnostic as URL#Category.
func docsURL() string {
	cat, err := secretlint.Load()
	if err != nil {
		return "" // Run reports the error
	}
	return cat.DocsURL
}

// runner holds an analyzer's configuration and the settings loaded from it.
type runner struct {
	cfg       Config
	storeflow *analysis.Analyzer // the store checks, with the runner's settings

	once     sync.Once
	settings *config.Settings
	cwd      string
	err      error
}

// load returns the settings, loading them at the first call.
func (r *runner) load() (*config.Settings, string, error) {
	r.once.Do(func() {
		r.cwd, _ = os.Getwd()
		r.settings, r.err = settingsOf(r.cfg, r.cwd)
		if r.err != nil {
			r.err = fmt.Errorf("secretlint: %w", r.err)
		}
	})
	return r.settings, r.cwd, r.err
}

// settingsOf loads the settings a configuration describes.
func settingsOf(cfg Config, cwd string) (*config.Settings, error) {
	var s *config.Settings
	var err error
	if cfg.ConfigYAML != "" {
		cat, err := secretlint.Load()
		if err != nil {
			return nil, err
		}
		f, err := config.Parse("configuration", []byte(cfg.ConfigYAML))
		if err != nil {
			return nil, err
		}
		s, err = f.Settings(cat, cfg.Lang)
		if err != nil {
			return nil, err
		}
	} else if s, err = config.Load(cfg.ConfigFile, cwd, cfg.Lang); err != nil {
		return nil, err
	}
	if err := s.Override(cfg.Enable, cfg.Disable, cfg.Tests); err != nil {
		return nil, err
	}
	return s, nil
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	s, cwd, err := r.load()
	if err != nil {
		return nil, err
	}
	insp, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if !ok {
		return nil, errors.New("secretlint: inspect analyzer result missing")
	}
	store, ok := pass.ResultOf[r.storeflow].(*storeflow.Result)
	if !ok {
		return nil, errors.New("secretlint: storeflow analyzer result missing")
	}
	names := map[string]match.Name{}
	for fc := range insp.Root().Children() {
		f, ok := fc.Node().(*ast.File)
		if !ok || !s.Generated && ast.IsGenerated(f) {
			continue
		}
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		fs := &fileScan{
			pass:   pass,
			s:      s,
			prefix: r.cfg.PrefixRuleID,
			suffix: r.cfg.SuffixRuleID,
			names:  names,
			file:   f,
			tf:     tf,
			path:   relPath(cwd, tf.Name()),
			on:     map[string]bool{},
		}
		fs.scan(fc, store.File(tf))
	}
	return nil, nil
}

// langFlag validates -lang.
type langFlag struct{ p *string }

func (f langFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f langFlag) Set(v string) error {
	if v != "" && !slices.Contains(secretlint.Languages, v) {
		return fmt.Errorf("language %q is not one of %s", v, strings.Join(secretlint.Languages, ", "))
	}
	*f.p = v
	return nil
}

// listFlag is a comma-separated list of rule IDs; each use adds to it.
type listFlag struct{ p *[]string }

func (f listFlag) String() string {
	if f.p == nil {
		return ""
	}
	return strings.Join(*f.p, ",")
}

func (f listFlag) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*f.p = append(*f.p, id)
		}
	}
	return nil
}

// testsFlag validates -tests.
type testsFlag struct{ p *string }

func (f testsFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f testsFlag) Set(v string) error {
	switch config.TestPolicy(v) {
	case "", config.TestsInclude, config.TestsExclude, config.TestsNote:
		*f.p = v
		return nil
	}
	return fmt.Errorf("test policy %q is not include, exclude or note", v)
}
