package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/atomicfile"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/pipeline"
	"github.com/awsguard/secretlint/internal/report"
	"github.com/awsguard/secretlint/internal/tfscan"
	"github.com/awsguard/secretlint/internal/yamlscan"
)

// targets is the command line sorted into what each engine scans.
type targets struct {
	goPatterns []string // package patterns for go/packages
	yamlDirs   []string // directories walked for YAML
	yamlFiles  []string // files scanned directly
	// problems are the arguments skipped: FIFOs, devices, sockets.
	problems []finding.Problem
	tfFiles  []string // Terraform files scanned with their module as context
}

// classify sorts the command-line arguments. A `.go` file stands for the
// package in its directory (go/packages must never see file names, which
// would make an ad-hoc package), a YAML or JSON file is scanned directly, a
// directory is a package and a tree of YAML, `dir/...` is a package
// pattern and a tree of YAML, anything else is a package pattern.
func classify(args []string) targets {
	if len(args) == 0 {
		args = []string{"./..."}
	}
	var t targets
	addPattern := func(p string) {
		if !slices.Contains(t.goPatterns, p) {
			t.goPatterns = append(t.goPatterns, p)
		}
	}
	addDir := func(d string) {
		d = filepath.Clean(d)
		if !slices.Contains(t.yamlDirs, d) {
			t.yamlDirs = append(t.yamlDirs, d)
		}
	}
	for _, a := range args {
		if dir, ok := strings.CutSuffix(a, "/..."); ok {
			if dir == "" {
				dir = "/"
			}
			addPattern(a)
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				addDir(dir)
			}
			continue
		}
		st, err := os.Stat(a)
		switch {
		case err == nil && st.IsDir():
			addPattern(localPattern(a))
			addDir(a)
		case err == nil && !st.Mode().IsRegular():
			// Never opened: reading a FIFO would hang the run.
			t.problems = append(t.problems, finding.Problem{File: relPath(a), Message: "not a regular file (" + fileKind(st.Mode()) + "): skipped"})
		case err == nil && strings.HasSuffix(a, ".go"):
			addPattern(localPattern(filepath.Dir(a)))
		case err == nil && tfscan.IsTerraformName(a):
			t.tfFiles = append(t.tfFiles, filepath.Clean(a))
		case err == nil:
			t.yamlFiles = append(t.yamlFiles, filepath.Clean(a))
		default:
			addPattern(a) // an import path; go/packages reports it if it does not exist
		}
	}
	return t
}

// localPattern makes a directory a relative package pattern ("./dir").
func localPattern(dir string) string {
	if filepath.IsAbs(dir) {
		return dir
	}
	dir = filepath.ToSlash(filepath.Clean(dir))
	if dir == "." {
		return "."
	}
	if strings.HasPrefix(dir, "../") {
		return dir
	}
	return "./" + dir
}

// result gathers what the engines produce.
type result struct {
	mu       sync.Mutex
	findings []finding.Finding
	problems []finding.Problem
}

func (r *result) add(fs []finding.Finding, ps []finding.Problem) {
	r.mu.Lock()
	r.findings = append(r.findings, fs...)
	r.problems = append(r.problems, ps...)
	r.mu.Unlock()
}

func scan(o *options, stdout, stderr io.Writer) (int, error) {
	if o.dir != "" {
		if err := os.Chdir(o.dir); err != nil {
			return exitError, fmt.Errorf("-C: %w", err)
		}
	}
	if err := checkTargets(o.targets, !o.noGo); err != nil {
		return exitError, err
	}
	s, err := o.settings()
	if err != nil {
		return exitError, err
	}
	var res result
	t := classify(o.targets)
	res.add(nil, t.problems)
	if err := runEngines(o, s, t, &res); err != nil {
		return exitError, err
	}

	fs := finding.Sort(res.findings)
	lines := newLineCache()
	finding.Fingerprints(fs, lines.text)
	problems := sortProblems(s.Matcher, res.problems)
	for _, p := range problems {
		fmt.Fprintf(stderr, "secretlint: warning: %s\n", p)
	}

	if o.recordBaseline {
		if err := pipeline.WriteBaseline(o.output, fs); err != nil {
			return exitError, err
		}
		fmt.Fprintf(stderr, "secretlint: recorded %d findings in %s\n", len(fs), o.output)
		return exitClean, nil
	}
	var base pipeline.Baseline
	var legacy map[finding.Finding]string
	if o.baseline != "" {
		if base, legacy, err = readBaseline(o.baseline, fs, lines); err != nil {
			return exitError, err
		}
	}
	if o.newFromRev != "" || o.newFromPatch != "" {
		var changed changedLines
		if o.newFromRev != "" {
			changed, err = changedSince(o.newFromRev)
		} else {
			changed, err = changedInPatch(o.newFromPatch)
		}
		if err != nil {
			return exitError, err
		}
		fs = slices.DeleteFunc(fs, func(f finding.Finding) bool { return !changed.keep(f) })
	}
	if o.baseline != "" {
		var stale []pipeline.BaselineEntry
		fs, stale = base.Apply(fs, func(f finding.Finding) string { return legacy[f] })
		for _, e := range stale {
			fmt.Fprintf(stderr, "secretlint: baseline %s: stale entry: %s in %s no longer found (run secretlint baseline to drop it)\n", o.baseline, e.Rule, e.File)
		}
		// The formats that carry problems (JSON, SARIF) list them too.
		problems = append(problems, staleProblems(o.baseline, stale)...)
	}

	var summary io.Writer
	if name := os.Getenv("GITHUB_STEP_SUMMARY"); name != "" && o.format == "github" {
		f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return exitError, fmt.Errorf("job summary: %w", err)
		}
		defer f.Close()
		summary = f
	}
	// Paths from the repository root in sarif and github, as code
	// scanning and annotations resolve them; text and the other formats
	// keep the working directory, like compilers.
	fs, problems, source := reportPaths(o.format, fs, problems, lines.text)
	waitIfInterrupted() // no report of an interrupted run
	render := func(out io.Writer) error {
		w := bufio.NewWriter(out)
		err := report.Write(w, fs, report.Options{
			Format:    o.format,
			Lang:      s.Lang,
			Catalogue: s.Catalogue,
			Version:   version(),
			Color:     o.format == "text" && o.output == "" && !o.noColor && isTerminal(stdout),
			Category:  o.category,
			Problems:  problems,
			Source:    source,
			Summary:   summary,
		})
		if err != nil {
			return err
		}
		return w.Flush()
	}
	if o.output != "" {
		// A failed run leaves the previous report in place.
		err = atomicfile.Write(o.output, 0o644, render)
	} else {
		err = render(stdout)
	}
	if err != nil {
		return exitError, err
	}
	return exitCode(fs, o.failOn), nil
}

// readBaseline reads a baseline file. For a version 1 baseline it also
// returns the old fingerprints of the findings: in memory only, numbered
// over every finding as they were when the baseline was recorded.
func readBaseline(name string, fs []finding.Finding, lines *lineCache) (pipeline.Baseline, map[finding.Finding]string, error) {
	base, err := pipeline.ReadBaseline(name)
	if err != nil || !base.Legacy() {
		return base, nil, err
	}
	legacy := make(map[finding.Finding]string, len(fs))
	for i, fp := range finding.LegacyFingerprints(fs, lines.text) {
		legacy[fs[i]] = fp
	}
	return base, legacy, nil
}

// runEngines runs the engines the targets and flags call for: YAML and
// Terraform beside the Go analysis.
func runEngines(o *options, s *config.Settings, t targets, res *result) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	if !o.noYAML && (len(t.yamlDirs) > 0 || len(t.yamlFiles) > 0) {
		wg.Go(func() { scanYAML(s, t, res) })
	}
	if !o.noTerraform && (len(t.yamlDirs) > 0 || len(t.tfFiles) > 0) {
		wg.Go(func() { scanTerraform(s, t, res) })
	}
	if !o.noGo && len(t.goPatterns) > 0 {
		return scanGoCached(o.noCache, s, o.analyzerConfig(), t.goPatterns, res)
	}
	return nil
}

func exitCode(fs []finding.Finding, failOn string) int {
	if failOn == "none" {
		return exitClean
	}
	min := secretlint.Severity(failOn).Rank()
	for _, f := range fs {
		if secretlint.Severity(f.Severity).Rank() >= min {
			return exitFindings
		}
	}
	return exitClean
}

func sortProblems(m *match.Matcher, ps []finding.Problem) []finding.Problem {
	for i := range ps {
		ps[i] = redactProblem(m, ps[i])
	}
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	return slices.Compact(ps)
}

// scanYAML walks the YAML trees and scans files on all cores.
func scanYAML(s *config.Settings, t targets, res *result) {
	sc := yamlscan.New(s)
	var files []string
	for _, d := range t.yamlDirs {
		fs, ps := sc.Walk(".", d)
		files = append(files, fs...)
		res.add(nil, ps)
	}
	files = append(files, t.yamlFiles...)
	slices.Sort(files)
	files = slices.Compact(files)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for f := range jobs {
				res.add(sc.ScanFile(f, relPath(f)))
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	// Checks across files (rotation schedules in other templates).
	res.add(sc.Finish())
}

// scanTerraform scans the Terraform modules under the directories walked
// and the modules of the Terraform files named.
func scanTerraform(s *config.Settings, t targets, res *result) {
	sc := tfscan.New(s)
	sc.Rel = relPath
	var mods []string
	for _, d := range t.yamlDirs {
		ms, ps := sc.Walk(d)
		mods = append(mods, ms...)
		res.add(nil, ps)
	}
	slices.Sort(mods)
	mods = slices.Compact(mods)
	for _, m := range mods {
		sc.ScanModule(m)
	}
	for _, f := range t.tfFiles {
		if !slices.Contains(mods, filepath.Dir(f)) {
			sc.ScanModule(filepath.Dir(f), f)
		}
	}
	res.add(sc.Finish())
}

// scanGo loads the packages once, tests included, and runs the analyzer.
// Go that the go command cannot load is analysed with partial types (see
// partial.go): a loading failure is a problem line, never an error that
// would discard the other engines' findings or change the exit status.
func scanGo(s *config.Settings, acfg analyzer.Config, patterns []string, res *result) error {
	a := analyzer.New(acfg)
	if !inGoModule() {
		scanPartial(s, a, partialRun{dirs: patternDirs(patterns), reason: func(string, []string) string {
			return s.Phrase("go_partial_no_module")
		}}, res)
		return nil
	}
	// The requested packages are loaded from source, and so are the
	// packages they import that reach a store SDK, for their facts (see
	// facts.go); the other dependencies (the standard library, the SDKs,
	// packages that never reach them) from export data. Type-checking
	// every dependency from source would cost three times the time and
	// memory for facts about the standard library.
	tests := s.Tests != config.TestsExclude
	var extra []string
	var targets map[string]bool
	listed := make(chan struct{})
	go func() { // the package graph is listed while the targets load
		extra, targets = factPackages(patterns, tests)
		close(listed)
	}()
	cfg := &packages.Config{
		Context:   interrupt, // go list ends with the run (children.go)
		ParseFile: parseGoFile,
		Mode:      packages.LoadSyntax | packages.NeedModule,
		Tests:     tests,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	<-listed
	if err == nil && len(extra) > 0 {
		pkgs, err = packages.Load(cfg, append(slices.Clone(patterns), extra...)...)
		// Only the targets are reported on; the others give facts.
		pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool {
			return !targets[p.PkgPath] && !targets[strings.TrimSuffix(p.PkgPath, "_test")]
		})
	}
	if err != nil {
		msg := firstLine(err.Error())
		scanPartial(s, a, partialRun{dirs: patternDirs(patterns), reason: func(string, []string) string {
			return s.Phrase("go_partial_load_failed", "error", msg)
		}}, res)
		return nil
	}
	broken, ignored := brokenPackages(pkgs)
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool {
		_, ok := broken[pkgDir(p)]
		return ok
	})
	var problems []finding.Problem
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		typeErrors := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.TypeError })
		for _, e := range p.Errors {
			if typeErrors && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				continue // the compiler's report of the type errors listed on their own
			}
			problems = append(problems, loadProblem(e))
		}
	})
	var g *checker.Graph
	if len(pkgs) > 0 {
		g, err = checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			return fmt.Errorf("analysis: %w", err)
		}
	}
	var fs []finding.Finding
	if g != nil {
		for _, act := range g.Roots {
			if act.Err != nil {
				problems = append(problems, finding.Problem{File: act.Package.PkgPath, Message: act.Err.Error()})
				continue
			}
			fs = append(fs, pipeline.Diagnostics(act.Package.Fset, act.Diagnostics, relPath, s)...)
		}
	}
	res.add(fs, problems)
	scanPartial(s, a, partialRun{dirs: slices.Sorted(maps.Keys(broken)), reason: func(dir string, missing []string) string {
		if len(missing) == 0 {
			return s.Phrase("go_partial_load_failed", "error", strings.Join(broken[dir], ""))
		}
		return s.Phrase("go_partial_missing", "imports", strings.Join(missing, ", "))
	}}, res)
	scanPartial(s, a, partialRun{dirs: slices.Sorted(maps.Keys(ignored)), only: ignored, reason: func(dir string, _ []string) string {
		return s.Phrase("go_partial_excluded", "files", strings.Join(ignored[dir], ", "))
	}}, res)
	return nil
}

// pkgDir returns the directory of a loaded package.
func pkgDir(p *packages.Package) string {
	for _, fs := range [][]string{p.GoFiles, p.IgnoredFiles, p.OtherFiles} {
		if len(fs) > 0 {
			return filepath.Dir(fs[0])
		}
	}
	return ""
}

// firstLine returns the first line of a go command error, without the
// "err: exit status 1: stderr: " that go/packages puts before it.
func firstLine(s string) string {
	if _, after, ok := strings.Cut(s, "stderr: "); ok {
		s = after
	}
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// loadProblem turns a go/packages error into a problem with a position.
func loadProblem(e packages.Error) finding.Problem {
	p := finding.Problem{Message: e.Msg}
	pos := e.Pos
	if pos == "" || pos == "-" {
		if !positionFromMessage(&p) {
			p.File = "."
		}
		return p
	}
	// file:line:col
	parts := strings.Split(pos, ":")
	p.File = relPath(parts[0])
	if len(parts) > 1 {
		p.Line, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 {
		p.Column, _ = strconv.Atoi(parts[2])
	}
	return p
}

// inGoModule reports whether the working directory is inside a Go module
// (or GOPATH mode is forced), so that package loading makes sense.
func inGoModule() bool {
	if os.Getenv("GO111MODULE") == "off" {
		return true
	}
	dir, err := os.Getwd()
	if err != nil {
		return false
	}
	for {
		for _, f := range []string{"go.mod", "go.work"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
				return true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

var cwd, _ = os.Getwd()

// relPath makes a path relative to the working directory, slash-separated,
// when it lies below it.
func relPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		wd = cwd
	}
	return pipeline.Rel(wd, p)
}

// lineCache serves source lines for fingerprints and SARIF columns.
type lineCache struct {
	mu    sync.Mutex
	files map[string][][]byte
}

func newLineCache() *lineCache { return &lineCache{files: map[string][][]byte{}} }

func (c *lineCache) text(file string, line int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	ls, ok := c.files[file]
	if !ok {
		src, err := os.ReadFile(filepath.FromSlash(file))
		if err == nil {
			ls = splitLines(src)
		}
		c.files[file] = ls
	}
	if line < 1 || line > len(ls) {
		return ""
	}
	return string(bytes.TrimSuffix(ls[line-1], []byte("\r")))
}

func isTerminal(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// splitLines splits text at line breaks: LF, CRLF or a lone CR, as the
// YAML engine counts lines.
func splitLines(src []byte) [][]byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return bytes.Split(src, []byte("\n"))
	}
	var out [][]byte
	start := 0
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\n':
			out = append(out, src[start:i])
			start = i + 1
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			out = append(out, src[start:i])
			start = i + 1
		}
	}
	return append(out, src[start:])
}

// fileKind names the type of a file that is not regular.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "named pipe"
	case m&os.ModeSocket != 0:
		return "socket"
	case m&os.ModeDevice != 0:
		return "device"
	}
	return "special file"
}
