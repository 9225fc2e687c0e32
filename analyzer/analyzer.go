package analyzer

import (
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint"
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
)

// Config configures an analyzer built by New.
type Config struct {
	// Settings to run with; when nil they are loaded lazily at the first Run
	// from ConfigFile (or the nearest .secretlint.yaml from the working
	// directory) and Lang, with config.Load.
	Settings *config.Settings
	// ConfigFile is the configuration file to load when Settings is nil.
	ConfigFile string
	// Lang, when set, overrides the language of the settings (en or ja).
	Lang string
	// PrefixRuleID starts every message with "<rule-id>: " (golangci-lint
	// drops Category).
	PrefixRuleID bool
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
		Doc:              extractDoc(docSource, "secretlint"),
		URL:              docsURL(cfg.Settings),
		Requires:         []*analysis.Analyzer{inspect.Analyzer, r.storeflow},
		Run:              r.run,
		RunDespiteErrors: true,
	}
	a.Flags.StringVar(&r.cfg.ConfigFile, FlagConfig, cfg.ConfigFile,
		"configuration file (default: the nearest "+config.FileName+" from the working directory)")
	a.Flags.Var(langFlag{&r.cfg.Lang}, FlagLang,
		"language of messages: "+strings.Join(secretlint.Languages, " or ")+" (default: the configuration file, then LANG)")
	a.Flags.Var(testsFlag{&r.tests}, FlagTests,
		"findings in test files: include, exclude or note (default: the configuration file, then include)")
	return a
}

// docsURL returns the address of the rules documentation; rule IDs are its
// anchors, so drivers link a diagnostic as URL#Category.
func docsURL(s *config.Settings) string {
	if s != nil && s.Catalogue != nil {
		return s.Catalogue.DocsURL
	}
	cat, err := secretlint.Load()
	if err != nil {
		return "" // Run reports the error
	}
	return cat.DocsURL
}

// extractDoc returns the "# Analyzer name" section of a doc.go file's
// package comment: its first line is the summary.
func extractDoc(src, name string) string {
	summary := name + ": report hard-coded secrets in Go source"
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return summary
	}
	text := f.Doc.Text()
	head := "# Analyzer " + name + "\n"
	i := strings.Index(text, head)
	if i < 0 {
		return summary
	}
	text = text[i+len(head):]
	if j := strings.Index(text, "\n# "); j >= 0 {
		text = text[:j]
	}
	return strings.TrimSpace(text)
}

// runner holds an analyzer's configuration and the settings loaded from it.
type runner struct {
	cfg       Config
	tests     string             // -tests
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
		s := r.cfg.Settings
		if s == nil {
			s, r.err = config.Load(r.cfg.ConfigFile, r.cwd, r.cfg.Lang)
			if r.err != nil {
				r.err = fmt.Errorf("secretlint: %w", r.err)
				return
			}
		}
		if s.Catalogue == nil || s.Matcher == nil {
			r.err = errors.New("secretlint: settings have no catalogue or matcher")
			return
		}
		if (r.cfg.Lang != "" && r.cfg.Lang != s.Lang) || (r.tests != "" && config.TestPolicy(r.tests) != s.Tests) {
			c := *s
			if r.cfg.Lang != "" {
				c.Lang = r.cfg.Lang
			}
			if r.tests != "" {
				c.Tests = config.TestPolicy(r.tests)
			}
			s = &c
		}
		r.settings = s
	})
	return r.settings, r.cwd, r.err
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
