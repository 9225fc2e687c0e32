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

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/pipeline"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// Rule IDs this engine reports. Everything else about a rule (title,
// severity, message, precedence) comes from the catalogue.
const (
	ruleCredential = ruleid.HardcodedCredential
	ruleToken      = ruleid.HardcodedToken
	ruleConn       = ruleid.CredentialInConnectionString
	ruleStaticAWS  = ruleid.StaticAWSCredentials
	ruleDirective  = ruleid.InvalidSuppression
)

// Scanner scans YAML and JSON files with one run's settings. It is safe
// for concurrent use.
type Scanner struct {
	s          *config.Settings
	m          *match.Matcher
	precedence func(rule string) int
	// idents remembers what the matcher says about names across files.
	idents  sync.Map // string -> ident
	nidents atomic.Int64
	// cross collects what the checks across templates need.
	cross crossState
	eso   esoState // External Secrets Operator stores and the findings waiting for them
	// stacks holds the parameter uses of the templates, for nested stacks.
	stacks stackState
	// helm holds what chart templates take from values.
	helm helmState
	// hier matches Parameter Store names of the configured hierarchy.
	hier     *regexp.Regexp
	hierText string
}

// New returns a scanner for the settings.
func New(s *config.Settings) *Scanner {
	sc := &Scanner{s: s, m: s.Matcher, precedence: pipeline.Precedence(s.Catalogue)}
	if sc.m == nil {
		// Settings built by hand (tests) may lack a matcher; the
		// catalogue alone makes one.
		sc.m, _ = match.New(s.Catalogue, match.Options{})
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
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() && !fi.Mode().IsRegular() {
		// Never opened: reading a FIFO would block.
		return nil, problem("not a regular file: skipped")
	}
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
	src = decodeUTF16(src)
	// Text the parser cannot read (NUL bytes, invalid UTF-8) is checked
	// as text only.
	textOnly := ""
	if bytes.IndexByte(src, 0) >= 0 {
		textOnly = "NUL bytes"
	} else if !utf8.Valid(src) {
		textOnly = "not valid UTF-8"
	}
	if strings.HasSuffix(strings.ToLower(rel), ".json") {
		src = blankTrailingCommas(src)
	}
	src = templateTolerant(rel, src)
	f := &fileScan{
		sc:       sc,
		s:        sc.s,
		m:        sc.m,
		rel:      rel,
		src:      newSource(src),
		hasHash:  bytes.IndexByte(src, '#') >= 0,
		skipRule: map[string]bool{},
	}
	if textOnly != "" {
		f.problems = append(f.problems, finding.Problem{File: rel, Message: textOnly + ": checked as text only (tokens and key: value lines)"})
		f.textLines(1, len(f.src.lines))
		f.scanComments()
		return f.results(), f.problems
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

	hasHash bool   // the file has a '#': comments must be told from scalars
	excl    []span // quoted and block scalars holding a '#'
	path    []seg  // keys and indices from the document root
	secret  bool   // the document is a Kubernetes Secret
	maxLine int    // the last line of the documents parsed
	cands   []pipeline.Candidate
	// pending holds, by candidate Ref, the secret names of findings kept
	// until Scanner.Finish, which drops those another template cancels.
	pending  map[int][]string
	problems []finding.Problem
	idents   map[string]ident
	skipRule map[string]bool
	msup     []metaSup   // per-resource suppressions of CloudFormation templates
	budget   *cfn.Budget // the work budget of the file's evaluations

	// conds are the conditions of findings kept until Finish, by -Ref-1.
	conds []condition
}

// seg is one step of a path: a mapping key or a sequence index.
type seg struct {
	key   string
	index int
	isKey bool
}

var (
	lineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	lineIn  = regexp.MustCompile(`\bline (\d+)\b`)
)

func (f *fileScan) run() {
	if isPropertiesName(f.rel) {
		f.runProperties()
		return
	}
	// Documents past the node budget are checked as text and blanked.
	masked := f.overBudget()
	src := f.src.src
	if masked != nil {
		src = masked
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for restarts := 0; ; {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil {
			f.document(&doc)
			continue
		}
		p := finding.Problem{File: f.rel}
		msg := err.Error()
		broken := f.maxLine + 1
		if m := lineErr.FindStringSubmatch(msg); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else if m := lineIn.FindStringSubmatch(msg); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
		} else {
			// No line in the message: the broken document starts here.
			p.Line = min(broken, len(f.src.lines))
		}
		p.Message = "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")
		f.problems = append(f.problems, p)
		// The broken document is checked as text; the documents after it
		// are parsed on their own.
		next := f.src.nextDocument(max(p.Line, broken+1))
		if p.Line == 0 || next == 0 || restarts == maxRestarts {
			f.textLines(broken, len(f.src.lines))
			break
		}
		f.textLines(broken, next-1)
		f.maxLine = next - 1
		restarts++
		dec = yaml.NewDecoder(bytes.NewReader(f.src.fromMasked(masked, next)))
	}
	f.budgetProblem()
	f.scanComments()
}

// document checks one document.
func (f *fileScan) document(doc *yaml.Node) {
	kind := Classify(doc, f.rel)
	f.secret = kind == KindKubernetes && rootValue(doc, "kind") == "Secret"
	f.path = f.path[:0]
	f.visit(doc)
	if isValuesName(f.rel) {
		f.helmValues(doc)
	}
	switch kind {
	case KindCloudFormation:
		f.cfnDocument(doc)
	case KindECSTask:
		f.ecsDocument(doc)
	case KindKubernetes:
		f.k8sDocument(doc)
	case KindIAMPolicy:
		f.policyDocument(doc)
	case KindCompose:
		f.composeDocument(doc)
	case KindServerless, KindSpring, KindGitHubActions, KindBuildspec:
		f.appDocument(kind, doc)
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

// add records a candidate of rule over the source range [start, end) (end
// -1 when unknown). alt is another line whose directives apply: the line
// where the node (or its block scalar header) starts.
func (f *fileScan) add(rule string, start, end, alt int, msg string) {
	line, col := f.src.pos(start)
	c := pipeline.Candidate{Rule: rule, Start: start, End: start, Line: line, Column: col, AltLine: alt, Message: msg}
	if end > start {
		// A range is kept on its first line only: a finding over a block
		// scalar competes with the findings of its first line.
		if el, ec := f.src.pos(end); el == line {
			c.End, c.EndLine, c.EndColumn = end, el, ec
		}
	}
	f.cands = append(f.cands, c)
}

// rawText runs the token detectors on the raw text src[start:end], for
// the part of a file that could not be parsed.
func (f *fileScan) rawText(start, end int) {
	text := string(f.src.src[start:end])
	if !f.m.MayHaveTokens(text) {
		return
	}
	for _, t := range f.m.Tokens(text) {
		if f.skip(t.Rule) {
			continue
		}
		l, _ := f.src.pos(start + t.Start)
		f.add(t.Rule, start+t.Start, start+t.End, l, f.s.Message(t.Rule, "detector", t.Title, "place", f.placeText(placeRaw)))
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
	f.cands = f.metaFilter(pipeline.Resolve(f.cands, f.sc.precedence))
	f.cands = pipeline.Suppress(f.cands, &set)
	f.metaProblems()
	f.cands = append(f.cands, pipeline.DirectiveProblems(&set, f.rel, f.s, f.s, func(p directive.Problem) pipeline.Candidate {
		c := pipeline.Candidate{Line: p.Line, Column: p.Column}
		if e := ends[p.Line]; e > p.Column {
			c.EndLine, c.EndColumn = p.Line, e
		}
		return c
	})...)
}

func (f *fileScan) results() []finding.Finding {
	if len(f.cands) == 0 {
		return nil
	}
	out := make([]finding.Finding, 0, len(f.cands))
	for _, c := range f.cands {
		fd, ok := pipeline.FindingOf(f.rel, c, f.s)
		switch {
		case !ok:
		case c.Ref < 0:
			f.sc.deferESO(fd, f.conds[-c.Ref-1])
		case c.Ref > 0:
			f.sc.deferFinding(fd, f.pending[c.Ref])
		default:
			out = append(out, fd)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return finding.Sort(out)
}
