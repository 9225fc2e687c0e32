package analyzer

import (
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/match"
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
	a := &analysis.Analyzer{
		Name:             "secretlint",
		Doc:              extractDoc(docSource, "secretlint"),
		URL:              docsURL(cfg.Settings),
		Requires:         []*analysis.Analyzer{inspect.Analyzer},
		Run:              r.run,
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(storeFact), new(pkgFact)},
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
	cfg   Config
	tests string // -tests

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
	ps := &passScan{
		pass:   pass,
		s:      s,
		cwd:    cwd,
		prefix: r.cfg.PrefixRuleID,
		names:  map[string]match.Name{},
	}
	// Facts make drivers run the analyzer on every dependency. The
	// standard library needs nothing; other modules' packages only their
	// facts, never the scan of their text.
	if dependency(pass) {
		if !inGOROOT(pass) {
			ps.runStore()
		}
		return nil, nil
	}
	ps.store = map[*token.File][]storeFinding{}
	for _, sf := range ps.runStore() {
		if tf := pass.Fset.File(sf.pos); tf != nil {
			ps.store[tf] = append(ps.store[tf], sf)
		}
	}
	for fc := range insp.Root().Children() {
		f, ok := fc.Node().(*ast.File)
		if !ok {
			continue
		}
		ps.file(fc, f)
	}
	return nil, nil
}

// dependency reports whether a package is only a dependency: from the
// standard library or from a module version in the module cache.
func dependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != "" || inGOROOT(pass)
}

var goroot = sync.OnceValue(func() string {
	if g := build.Default.GOROOT; g != "" {
		return filepath.Join(g, "src") + string(filepath.Separator)
	}
	return ""
})

// inGOROOT reports whether the package's files are in the standard library.
func inGOROOT(pass *analysis.Pass) bool {
	root := goroot()
	if root == "" || len(pass.Files) == 0 {
		return false
	}
	tf := pass.Fset.File(pass.Files[0].FileStart)
	return tf != nil && strings.HasPrefix(tf.Name(), root)
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
