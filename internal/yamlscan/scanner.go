package yamlscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/match"
)

// Rule IDs this engine reports. Everything else about a rule (title,
// severity, message, precedence) comes from the catalogue.
const (
	ruleCredential = "hardcoded-credential"
	ruleToken      = "hardcoded-token"
	ruleConn       = "credential-in-connection-string"
	ruleStaticAWS  = "static-aws-credentials"
	ruleDirective  = "invalid-suppression"
)

// Scanner scans YAML and JSON files with one run's settings. It is safe
// for concurrent use.
type Scanner struct {
	s    *config.Settings
	m    *match.Matcher
	prec map[string]int
	// idents remembers what the matcher says about names across files.
	idents  sync.Map // string -> ident
	nidents atomic.Int64
	// cross collects what the checks across templates need.
	cross crossState
	// hier matches Parameter Store names of the configured hierarchy.
	hier     *regexp.Regexp
	hierText string
}

// New returns a scanner for the settings.
func New(s *config.Settings) *Scanner {
	sc := &Scanner{s: s, m: s.Matcher, prec: map[string]int{}}
	if sc.m == nil {
		// Settings built by hand (tests) may lack a matcher; the
		// catalogue alone makes one.
		sc.m, _ = match.New(s.Catalogue, match.Options{})
	}
	for _, r := range s.Catalogue.Rules {
		sc.prec[r.ID] = r.Precedence
	}
	sc.hier, sc.hierText = hierarchyOf(s)
	return sc
}

func (sc *Scanner) maxSize() int64 {
	if sc.s.MaxFileSize > 0 {
		return sc.s.MaxFileSize
	}
	return config.DefaultMaxFileSize
}

// ScanFile reads and scans one file. rel is the slash path written into
// findings. Unreadable, binary, non-UTF-8, oversized or malformed files
// become problems; ScanFile never panics.
func (sc *Scanner) ScanFile(path, rel string) ([]finding.Finding, []finding.Problem) {
	src, p := sc.read(path, rel)
	if p != nil {
		return nil, []finding.Problem{*p}
	}
	return sc.Scan(rel, src)
}

// read reads at most the size limit plus one byte of a file.
func (sc *Scanner) read(path, rel string) ([]byte, *finding.Problem) {
	problem := func(format string, args ...any) *finding.Problem {
		return &finding.Problem{File: rel, Message: fmt.Sprintf(format, args...)}
	}
	limit := sc.maxSize()
	f, err := os.Open(path)
	if err != nil {
		return nil, problem("cannot read file: %v", pathErr(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return nil, problem("cannot read file: is a directory")
		}
		if fi.Size() > limit {
			return nil, problem("file of %d bytes is larger than the limit of %d bytes: not scanned", fi.Size(), limit)
		}
	}
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, problem("cannot read file: %v", pathErr(err))
	}
	if int64(len(src)) > limit {
		return nil, problem("file is larger than the limit of %d bytes: not scanned", limit)
	}
	return src, nil
}

// pathErr drops the path from an os error: the problem already names the file.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Scan scans content already read.
func (sc *Scanner) Scan(rel string, src []byte) (fs []finding.Finding, ps []finding.Problem) {
	defer func() {
		if r := recover(); r != nil {
			fs = nil
			ps = []finding.Problem{{File: rel, Message: fmt.Sprintf("internal error, file not scanned: %v", r)}}
		}
	}()
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, []finding.Problem{{File: rel, Message: "binary file (NUL bytes): not scanned"}}
	}
	if !utf8.Valid(src) {
		return nil, []finding.Problem{{File: rel, Message: "not valid UTF-8: not scanned"}}
	}
	if strings.HasSuffix(strings.ToLower(rel), ".json") {
		src = blankTrailingCommas(src)
	}
	f := &fileScan{
		sc:       sc,
		s:        sc.s,
		m:        sc.m,
		rel:      rel,
		src:      newSource(src),
		hasHash:  bytes.IndexByte(src, '#') >= 0,
		skipRule: map[string]bool{},
		sev:      map[string]string{},
	}
	f.run()
	return f.results(), f.problems
}

// fileScan is the state of the scan of one file.
type fileScan struct {
	sc  *Scanner
	s   *config.Settings
	m   *match.Matcher
	rel string
	src *source

	hasHash  bool   // the file has a '#': comments must be told from scalars
	excl     []span // quoted and block scalars holding a '#'
	path     []seg  // keys and indices from the document root
	secret   bool   // the document is a Kubernetes Secret
	maxLine  int    // the last line of the documents parsed
	cands    []cand
	problems []finding.Problem
	idents   map[string]ident
	skipRule map[string]bool
	sev      map[string]string
	msup     []metaSup // per-resource suppressions of CloudFormation templates
}

// seg is one step of a path: a mapping key or a sequence index.
type seg struct {
	key   string
	index int
	isKey bool
}

// cand is a finding before precedence and suppressions are applied.
type cand struct {
	f    finding.Finding
	prec int
	// alt is another line whose directives apply: the line where the
	// node (or its block scalar header) starts.
	alt int
	// pending findings are kept until Scanner.Finish, which drops those
	// another template cancels; names are what it looks for.
	pending bool
	names   []string
}

var lineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (f *fileScan) run() {
	dec := yaml.NewDecoder(bytes.NewReader(f.src.src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p := finding.Problem{File: f.rel}
			msg := err.Error()
			if m := lineErr.FindStringSubmatch(msg); m != nil {
				p.Line, _ = strconv.Atoi(m[1])
				msg = m[2]
			}
			p.Message = "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")
			f.problems = append(f.problems, p)
			// What follows the last good document is not parsed: look
			// for token formats in its raw text.
			f.rawTokens(f.maxLine + 1)
			break
		}
		f.document(&doc)
	}
	f.scanComments()
}

// document checks one document.
func (f *fileScan) document(doc *yaml.Node) {
	kind := Classify(doc, f.rel)
	f.secret = kind == KindKubernetes && rootValue(doc, "kind") == "Secret"
	f.path = f.path[:0]
	f.visit(doc)
	switch kind {
	case KindCloudFormation:
		f.cfnDocument(doc)
	case KindECSTask:
		f.ecsDocument(doc)
	}
}

func (f *fileScan) skip(rule string) bool {
	v, ok := f.skipRule[rule]
	if !ok {
		v = f.s.Skip(rule, f.rel)
		f.skipRule[rule] = v
	}
	return v
}

func (f *fileScan) severity(rule string) string {
	v, ok := f.sev[rule]
	if !ok {
		v = string(f.s.SeverityOf(rule, f.rel))
		f.sev[rule] = v
	}
	return v
}

// add records a finding of rule over the source range [start, end) (end
// -1 when unknown).
func (f *fileScan) add(rule string, start, end, alt int, msg string) {
	line, col := f.src.pos(start)
	fd := finding.Finding{
		Rule:     rule,
		Severity: f.severity(rule),
		File:     f.rel,
		Line:     line,
		Column:   col,
		Message:  msg,
	}
	if end > start {
		if el, ec := f.src.pos(end); el == line {
			fd.EndLine, fd.EndColumn = el, ec
		}
	}
	f.cands = append(f.cands, cand{f: fd, prec: f.sc.prec[rule], alt: alt})
}

// rawTokens runs the token detectors on the raw text from line on, for
// the part of a file that could not be parsed.
func (f *fileScan) rawTokens(line int) {
	if line > len(f.src.lines) {
		return
	}
	base := f.src.lines[line-1]
	text := string(f.src.src[base:])
	if !f.m.MayHaveTokens(text) {
		return
	}
	for _, t := range f.m.Tokens(text) {
		if f.skip(t.Rule) {
			continue
		}
		l, _ := f.src.pos(base + t.Start)
		f.add(t.Rule, base+t.Start, base+t.End, l, f.s.Message(t.Rule, "detector", t.Title, "place", f.placeText(placeRaw)))
	}
}

// scanComments finds the real comments, checks them for tokens and
// records the suppression directives among them.
func (f *fileScan) scanComments() {
	var set directive.Set
	var ends map[int]int
	if f.hasHash {
		slices.SortFunc(f.excl, func(a, b span) int { return a.start - b.start })
		for _, c := range f.src.comments(f.excl) {
			text := string(f.src.src[c.text.start:c.text.end])
			if d, ok := directive.Parse(text); ok {
				d.Line, d.Column, d.EndLine = c.line, c.col, c.line
				set.Add(d)
				if ends == nil {
					ends = map[int]int{}
				}
				ends[c.line] = c.end
			}
			if !f.m.MayHaveTokens(text) {
				continue
			}
			for _, t := range f.m.Tokens(text) {
				if f.skip(t.Rule) {
					continue
				}
				f.add(t.Rule, c.text.start+t.Start, c.text.start+t.End, c.line,
					f.s.Message(t.Rule, "detector", t.Title, "place", f.placeText(placeComment)))
			}
		}
	}
	f.cands = f.metaFilter(f.resolve(f.cands))
	kept := f.cands[:0]
	for _, c := range f.cands {
		if set.Len() > 0 && (set.Suppressed(c.f.Rule, c.f.Line) || c.alt != c.f.Line && set.Suppressed(c.f.Rule, c.alt)) {
			continue
		}
		kept = append(kept, c)
	}
	f.cands = kept
	f.metaProblems()
	if set.Len() == 0 || f.skip(ruleDirective) {
		return
	}
	for _, p := range set.Problems(f.s.Known, f.s.Enabled) {
		fd := finding.Finding{
			Rule:     ruleDirective,
			Severity: f.severity(ruleDirective),
			File:     f.rel,
			Line:     p.Line,
			Column:   p.Column,
			Message:  f.s.Message(ruleDirective, "problem", p.Message),
		}
		if e := ends[p.Line]; e > p.Column {
			fd.EndLine, fd.EndColumn = p.Line, e
		}
		f.cands = append(f.cands, cand{f: fd})
	}
}

// resolve keeps one finding per location: of candidates whose ranges
// overlap on a line, the one whose rule has the highest precedence (the
// first found among equals).
func (f *fileScan) resolve(cs []cand) []cand {
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.f.Line != b.f.Line {
			return a.f.Line - b.f.Line
		}
		return a.f.Column - b.f.Column
	})
	var out []cand
	lineStart := 0 // index in out of the first finding on the current line
	for _, c := range cs {
		if len(out) > 0 && out[len(out)-1].f.Line != c.f.Line {
			lineStart = len(out)
		}
		merged := false
		for i := lineStart; i < len(out); i++ {
			if overlap(out[i].f, c.f) {
				if c.prec > out[i].prec {
					out[i] = c
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	return out
}

func overlap(a, b finding.Finding) bool {
	ae, be := a.EndColumn, b.EndColumn
	if ae <= a.Column {
		ae = a.Column + 1
	}
	if be <= b.Column {
		be = b.Column + 1
	}
	return a.Column < be && b.Column < ae
}

func (f *fileScan) results() []finding.Finding {
	if len(f.cands) == 0 {
		return nil
	}
	out := make([]finding.Finding, 0, len(f.cands))
	for _, c := range f.cands {
		if c.pending {
			f.sc.deferFinding(c.f, c.names)
			continue
		}
		out = append(out, c.f)
	}
	if len(out) == 0 {
		return nil
	}
	return finding.Sort(out)
}
