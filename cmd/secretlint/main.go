// Command secretlint checks Go packages and IaC / config YAML against the
// AWS secrets guideline: hard-coded credentials, tokens, connection strings
// with passwords and static AWS keys.
//
// Usage:
//
//	secretlint [flags] [packages | dirs | files]   (default ./...)
//	secretlint rules [-format text|markdown|json]
//	secretlint explain <rule-id>
//	secretlint version
//
// The same binary is a vet tool: go vet -vettool=$(which secretlint) ./...
//
// Exit status: 0 when nothing at or above -fail-on was found, 1 when
// something was, 2 on a usage, configuration or internal error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/report"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	if vetMode(os.Args[1:]) {
		// go vet -vettool: the unitchecker protocol (-V=full, -flags, *.cfg).
		vetMain(os.Args[1:])
	}
	handleSignals()
	if os.Getenv("GOMEMLIMIT") == "" {
		// Keep the peak memory of a large scan bounded: the garbage collector
		// works harder instead of growing the heap past this.
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	waitIfInterrupted()
	os.Exit(code)
}

// defaultMemoryLimit is the soft memory limit unless GOMEMLIMIT says otherwise.
const defaultMemoryLimit = 768 << 20

// vetMode reports whether the go command is driving us as a vet tool.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") && !strings.HasPrefix(args[len(args)-1], "-")
}

// devVersion is the version of a build from a source tree, which the go
// command calls "(devel)"; SARIF consumers want a version that starts with
// a number.
const devVersion = "0.1.0-devel"

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return devVersion
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlags(&o, stderr)
	rest, err := parseAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if len(rest) > 0 && slices.Contains(subcommands, rest[0]) {
		return runSubcommand(&o, fs, rest, stdout, stderr)
	}
	if err := o.validate(); err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", redactErr(err))
		return exitError
	}
	o.targets = rest
	stopProfiles, err := startProfiles(&o)
	if err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", err)
		return exitError
	}
	defer func() {
		if err := stopProfiles(); err != nil {
			fmt.Fprintf(stderr, "secretlint: %v\n", err)
		}
	}()
	code, err := scan(&o, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", redactErr(err))
		return exitError
	}
	return code
}

type options struct {
	format, output, failOn, configFile, lang, dir, tests, category string
	enable, disable                                                string
	baseline, newFromRev, newFromPatch                             string
	cpuprofile, memprofile                                         string
	noGo, noYAML, noTerraform, noColor                             bool
	noCache                                                        bool
	recordBaseline                                                 bool
	targets                                                        []string
}

func newFlags(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("secretlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&o.output, "output", "", "write the report to this file instead of standard output")
	fs.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning, note or none")
	fs.StringVar(&o.configFile, "config", "", "configuration file (default: the nearest "+config.FileName+")")
	fs.StringVar(&o.lang, "lang", "", "language of messages and rule texts: en or ja (default: config, then LANG/LC_ALL)")
	fs.StringVar(&o.dir, "C", "", "run as if started in this directory")
	fs.StringVar(&o.tests, "tests", "", "findings in test files: include, exclude or note (default: config, then include)")
	fs.StringVar(&o.enable, "enable", "", "comma-separated rule IDs to enable in addition to the configuration")
	fs.StringVar(&o.disable, "disable", "", "comma-separated rule IDs to disable")
	fs.StringVar(&o.category, "category", "", "SARIF automation category, to upload several runs side by side (default secretlint/)")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline file (see secretlint baseline)")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines added by this unified diff")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a heap profile to this file at the end of the run")
	fs.BoolVar(&o.noGo, "no-go", false, "do not analyse Go packages")
	fs.BoolVar(&o.noYAML, "no-yaml", false, "do not scan YAML and JSON files")
	fs.BoolVar(&o.noTerraform, "no-terraform", false, "do not scan Terraform modules")
	fs.BoolVar(&o.noCache, "no-cache", false, "analyse every Go package, neither reading nor writing the findings cache (see secretlint cache)")
	fs.BoolVar(&o.noColor, "no-color", false, "never colour the text output (colour is used only on a terminal)")
	fs.Usage = func() { usage(stderr, fs) }
	return fs
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `secretlint: keep AWS secrets in the right store

Usage:
  secretlint [flags] [packages | dirs | files]   check Go packages, YAML and Terraform (default ./...)
  secretlint rules [-format text|markdown|json]  list the rules
  secretlint baseline [flags] [targets]          record today's findings in .secretlint-baseline.json
  secretlint explain <rule-id>                   describe a rule
  secretlint version                             print the version
  secretlint cache clean|dir                     empty the findings cache, or print where it is
  go vet -vettool=$(which secretlint) ./...      run as a vet tool

Flags may come before or after the subcommand and the targets. A target
that matches no file, directory or package is an error.

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, `
Vet flags (go vet -vettool=$(which secretlint) [vet flags] ./...):
`)
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  -%s.%s\n    \t%s\n", analyzer.Analyzer.Name, f.Name, f.Usage)
	})
	fmt.Fprint(w, `
Findings cache: the findings of unchanged Go package directories are
reused from the previous run. It lives in $SECRETLINT_CACHE, else in
secretlint/ under the user cache directory; SECRETLINT_CACHE=off or
-no-cache turns it off. Entries unused for a week are removed.

Exit status: 0 clean, 1 findings at or above -fail-on, 2 usage, configuration or internal error.
`)
}

func (o *options) validate() error {
	if !slices.Contains(report.Formats, o.format) {
		return fmt.Errorf("-format %q: want one of %s", o.format, strings.Join(report.Formats, ", "))
	}
	switch o.failOn {
	case "error", "warning", "note", "none":
	default:
		return fmt.Errorf("-fail-on %q: want error, warning, note or none", o.failOn)
	}
	switch config.TestPolicy(o.tests) {
	case "", config.TestsInclude, config.TestsExclude, config.TestsNote:
	default:
		return fmt.Errorf("-tests %q: want include, exclude or note", o.tests)
	}
	if o.lang != "" && o.lang != "en" && o.lang != "ja" {
		return fmt.Errorf("-lang %q: want en or ja", o.lang)
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return errors.New("-new-from-rev and -new-from-patch exclude each other")
	}
	if err := validRevision(o.newFromRev); err != nil {
		return err
	}
	if o.noGo && o.noYAML && o.noTerraform {
		return errors.New("-no-go, -no-yaml and -no-terraform leave nothing to scan")
	}
	return nil
}

// settings loads the configuration and applies the command-line overrides.
func (o *options) settings() (*config.Settings, error) {
	s, err := config.Load(o.configFile, ".", o.lang)
	if err != nil {
		return nil, err
	}
	if err := s.Override(strings.Split(o.enable, ","), strings.Split(o.disable, ","), o.tests); err != nil {
		return nil, err
	}
	return s, nil
}

// analyzerConfig is the configuration of the Go analyzer: the same file,
// language and overrides the settings were made from.
func (o *options) analyzerConfig() analyzer.Config {
	return analyzer.Config{
		ConfigFile: o.configFile,
		Lang:       o.lang,
		Tests:      o.tests,
		Enable:     strings.Split(o.enable, ","),
		Disable:    strings.Split(o.disable, ","),
	}
}

// runBaseline records the findings of a scan as accepted.
func runBaseline(o *options, targets []string, stdout, stderr io.Writer) int {
	o.recordBaseline = true
	if o.output == "" {
		o.output = baselineName
	}
	if err := o.validate(); err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", redactErr(err))
		return exitError
	}
	o.targets = targets
	code, err := scan(o, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", redactErr(err))
		return exitError
	}
	return code
}

// baselineName is the default baseline file.
const baselineName = ".secretlint-baseline.json"

// runRules lists the rules; -format is text (the default), markdown or json.
func runRules(o *options, formatSet bool, stdout, stderr io.Writer) int {
	format := "text"
	if formatSet {
		format = o.format
	}
	s, err := config.Load(o.configFile, ".", o.lang)
	if err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", err)
		return exitError
	}
	if err := report.WriteRules(stdout, s.Catalogue, format, s.Lang); err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", err)
		return exitError
	}
	return exitClean
}

func runExplain(o *options, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: secretlint explain <rule-id>")
		return exitError
	}
	s, err := config.Load(o.configFile, ".", o.lang)
	if err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", err)
		return exitError
	}
	if err := report.Explain(stdout, s.Catalogue, args[0], s.Lang); err != nil {
		fmt.Fprintf(stderr, "secretlint: %v\n", err)
		return exitError
	}
	return exitClean
}

// validRevision checks a -new-from-rev value: git must never read it as
// an option (`--output=…`), and it holds no white space or control
// characters.
func validRevision(rev string) error {
	if rev == "" {
		return nil
	}
	if strings.HasPrefix(rev, "-") {
		return fmt.Errorf("-new-from-rev %q: a revision cannot start with '-'", rev)
	}
	if strings.ContainsFunc(rev, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return fmt.Errorf("-new-from-rev %q: a revision has no white space or control characters", rev)
	}
	return nil
}
