package tfscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/pipeline"
)

// Scanner scans Terraform modules with one run's settings. Candidates
// are gathered per file across modules (a parent module's call reaches
// into its child's files) and turned into findings by Finish. It is safe
// for concurrent use.
type Scanner struct {
	s          *config.Settings
	m          *match.Matcher
	precedence func(rule string) int
	// Rel makes the slash path written into findings of a file path; the
	// default is the path in slash form.
	Rel func(path string) string

	mu     sync.Mutex
	parsed map[string]*tfFile
	files  map[string]*fileState
	order  []string
	probs  []finding.Problem
}

// fileState holds what a file gathers until Finish.
type fileState struct {
	f     *tfFile
	dirs  directive.Set
	ends  map[int]int
	cands []pipeline.Candidate
	seen  map[candKey]bool
	// report is false for files that are context only (a module's other
	// files when one file was named).
	report bool
}

type candKey struct {
	rule       string
	start, end int
	msg        string
}

// New returns a scanner for the settings.
func New(s *config.Settings) *Scanner {
	sc := &Scanner{s: s, m: s.Matcher, precedence: pipeline.Precedence(s.Catalogue)}
	if sc.m == nil {
		sc.m, _ = match.New(s.Catalogue, match.Options{})
	}
	sc.parsed = map[string]*tfFile{}
	sc.files = map[string]*fileState{}
	return sc
}

func (sc *Scanner) rel(p string) string {
	if sc.Rel != nil {
		return sc.Rel(p)
	}
	return filepath.ToSlash(p)
}

func (sc *Scanner) maxSize() int64 {
	if sc.s.MaxFileSize > 0 {
		return sc.s.MaxFileSize
	}
	return config.DefaultMaxFileSize
}

// pathErr drops the path from an os error: the problem already names the file.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parse reads and parses one file once per scan. A file with syntax
// errors is kept when HCL could recover a body.
func (sc *Scanner) parse(path string) (*tfFile, *finding.Problem) {
	sc.mu.Lock()
	f, ok := sc.parsed[path]
	sc.mu.Unlock()
	if ok {
		return f, nil
	}
	rel := sc.rel(path)
	problem := func(format string, args ...any) *finding.Problem {
		return &finding.Problem{File: rel, Message: fmt.Sprintf(format, args...)}
	}
	src, err := readLimited(path, sc.maxSize())
	if err != nil {
		return nil, problem("%v", err)
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, problem("binary file (NUL bytes): not scanned")
	}
	if !utf8.Valid(src) {
		return nil, problem("not valid UTF-8: not scanned")
	}
	body, jcs, p := parseBody(src, path, problem)
	if body == nil {
		return nil, p
	}
	f = &tfFile{path: path, rel: rel, src: src, body: body, lines: lineStarts(src)}
	sc.mu.Lock()
	if old, ok := sc.parsed[path]; ok {
		sc.mu.Unlock()
		return old, nil
	}
	sc.parsed[path] = f
	st := &fileState{f: f, seen: map[candKey]bool{}}
	sc.files[rel] = st
	sc.order = append(sc.order, rel)
	sc.mu.Unlock()
	if isJSONName(path) {
		sc.jsonComments(st, jcs)
	} else {
		sc.comments(st)
	}
	return f, p
}

// isJSONName reports whether a file is Terraform JSON.
func isJSONName(name string) bool {
	return strings.HasSuffix(name, ".tf.json") || strings.HasSuffix(name, ".tfvars.json")
}

// parseBody parses native syntax or Terraform JSON. A native file with
// syntax errors is kept when HCL could recover a body.
func parseBody(src []byte, path string, problem func(string, ...any) *finding.Problem) (*hclsyntax.Body, []jsonComment, *finding.Problem) {
	if isJSONName(path) {
		body, cs, err := parseJSONConfig(src, path, strings.HasSuffix(path, ".tfvars.json"))
		if err != nil {
			return nil, nil, problem("invalid Terraform JSON: %v", err)
		}
		return body, cs, nil
	}
	var p *finding.Problem
	hf, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		d := diags.Errs()[0]
		p = problem("invalid HCL: %s", strings.TrimPrefix(d.Error(), path+":"))
		var de *hcl.Diagnostic
		if errors.As(d, &de) && de.Subject != nil {
			p.Line = de.Subject.Start.Line
			p.Message = "invalid HCL: " + de.Summary
		}
	}
	body, _ := hf.Body.(*hclsyntax.Body)
	return body, nil, p
}

// readLimited reads a file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read file: %w", pathErr(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, errors.New("cannot read file: is a directory")
	}
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read file: %w", pathErr(err))
	}
	if int64(len(src)) > limit {
		return nil, fmt.Errorf("file is larger than the limit of %d bytes: not scanned", limit)
	}
	return src, nil
}

func lineStarts(src []byte) []int {
	ls := []int{0}
	for i, c := range src {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// pos returns the 1-based line and byte column of an offset.
func (f *tfFile) pos(off int) (line, col int) {
	i, found := slices.BinarySearch(f.lines, off)
	if !found {
		i--
	}
	return i + 1, off - f.lines[i] + 1
}

// comments records a file's suppression directives and looks for tokens
// in its comments.
func (sc *Scanner) comments(st *fileState) {
	f := st.f
	if !bytes.Contains(f.src, []byte("#")) && !bytes.Contains(f.src, []byte("/")) {
		return
	}
	toks, _ := hclsyntax.LexConfig(f.src, f.path, hcl.InitialPos)
	for _, t := range toks {
		if t.Type != hclsyntax.TokenComment {
			continue
		}
		raw := string(t.Bytes)
		start := t.Range.Start.Byte
		text, skip := commentText(raw)
		line, col := f.pos(start)
		if d, ok := directive.Parse(text); ok {
			d.Line, d.Column, d.EndLine = line, col, line
			st.dirs.Add(d)
			if st.ends == nil {
				st.ends = map[int]int{}
			}
			_, ec := f.pos(start + len(strings.TrimRight(raw, "\r\n")))
			st.ends[line] = ec
		}
		if !sc.m.MayHaveTokens(text) {
			continue
		}
		for _, tk := range sc.m.Tokens(text) {
			if sc.s.Skip(tk.Rule, f.rel) {
				continue
			}
			sc.add(f, tk.Rule, start+skip+tk.Start, start+skip+tk.End,
				sc.s.Message(tk.Rule, "detector", tk.Title, "place", sc.s.Phrase("tf_comment")))
		}
	}
}

// commentText strips a comment's markers; skip is the length of the
// leading marker.
func commentText(raw string) (text string, skip int) {
	switch {
	case strings.HasPrefix(raw, "#"):
		return strings.TrimRight(raw[1:], "\r\n"), 1
	case strings.HasPrefix(raw, "//"):
		return strings.TrimRight(raw[2:], "\r\n"), 2
	case strings.HasPrefix(raw, "/*"):
		return strings.TrimSuffix(raw[2:], "*/"), 2
	}
	return raw, 0
}

// add records a candidate over the byte range [start, end) of a file (end
// <= start when unknown). A range is kept on its first line only.
func (sc *Scanner) add(f *tfFile, rule string, start, end int, msg string) {
	if f == nil || sc.s.Skip(rule, f.rel) {
		return
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	st := sc.files[f.rel]
	if st == nil {
		return
	}
	k := candKey{rule, start, end, msg}
	if st.seen[k] {
		return
	}
	st.seen[k] = true
	line, col := f.pos(start)
	c := pipeline.Candidate{Rule: rule, Start: start, End: start, Line: line, Column: col, Message: msg}
	if end > start {
		if el, ec := f.pos(end); el == line {
			c.End, c.EndLine, c.EndColumn = end, el, ec
		}
	}
	st.cands = append(st.cands, c)
}

// addAt records a candidate at the start of a range.
func (sc *Scanner) addAt(f *tfFile, rule string, r hcl.Range, msg string) {
	sc.add(f, rule, r.Start.Byte, -1, msg)
}

// Finish turns the candidates of every file scanned into findings:
// one per location, suppressions applied, invalid suppressions reported.
// Call it once after every ScanModule; it resets the scanner.
func (sc *Scanner) Finish() ([]finding.Finding, []finding.Problem) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	var out []finding.Finding
	for _, rel := range sc.order {
		st := sc.files[rel]
		if !st.report || sc.s.Excluded(rel) {
			continue
		}
		cs := pipeline.Resolve(st.cands, sc.precedence)
		cs = pipeline.Suppress(cs, &st.dirs)
		cs = append(cs, pipeline.DirectiveProblems(&st.dirs, rel, sc.s, sc.s, func(p directive.Problem) pipeline.Candidate {
			c := pipeline.Candidate{Line: p.Line, Column: p.Column}
			if e := st.ends[p.Line]; e > p.Column {
				c.EndLine, c.EndColumn = p.Line, e
			}
			return c
		})...)
		out = append(out, pipeline.Finish(rel, cs, sc.s)...)
	}
	ps := sc.probs
	sc.parsed, sc.files, sc.order, sc.probs = map[string]*tfFile{}, map[string]*fileState{}, nil, nil
	return finding.Sort(out), ps
}

// ScanModule scans the module in dir and the local modules it calls. When
// only is not empty, findings are reported for those files alone (the
// rest of the module is context); otherwise for every file of the module.
func (sc *Scanner) ScanModule(dir string, only ...string) {
	defer func() {
		if r := recover(); r != nil {
			sc.mu.Lock()
			sc.probs = append(sc.probs, finding.Problem{File: sc.rel(dir), Message: fmt.Sprintf("internal error, module not scanned: %v", r)})
			sc.mu.Unlock()
		}
	}()
	m, ps := sc.load(dir)
	sc.problems(ps)
	sc.mu.Lock()
	if m != nil {
		for _, f := range append(slices.Clone(m.files), m.vfiles...) {
			if len(only) == 0 || slices.Contains(only, f.path) {
				sc.files[f.rel].report = true
			}
		}
	}
	sc.mu.Unlock()
	if m == nil {
		return
	}
	e := &evaluator{sc: sc, budget: evalBudget, loaded: map[string]*module{m.dir: m}}
	root := e.newInst(m, nil, nil, 0)
	e.check(root)
	// Variables last: a caller's variable may feed a child's credential.
	for _, in := range e.insts {
		e.variables(in)
		for _, b := range in.m.blocks {
			if b.kind != "resource" && b.typ == "aws_ssm_parameter" {
				e.ssmRead(in, b)
			}
		}
	}
}

// problems records problems of the scan.
func (sc *Scanner) problems(ps []finding.Problem) {
	if len(ps) == 0 {
		return
	}
	sc.mu.Lock()
	sc.probs = append(sc.probs, ps...)
	sc.mu.Unlock()
}
