package yamlscan

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/pipeline"
)

// crossState holds what the checks that need every file learn from each:
// findings that another template may cancel (a secret whose rotation
// schedule lives elsewhere), and the secrets rotation schedules name.
type crossState struct {
	mu      sync.Mutex
	pending map[pendingKey]*pendingFinding
	order   []pendingKey
	// rotated are the secret names, ARNs and "import:<export>" names that
	// rotation schedules of the scan refer to.
	rotated map[string]bool
}

type pendingKey struct {
	file, rule string
	line, col  int
}

type pendingFinding struct {
	f finding.Finding
	// names are the names, ARNs and exports by which a schedule in
	// another template may name the secret.
	names []string
}

// addRotated records a secret ID a rotation schedule names.
func (sc *Scanner) addRotated(id string) {
	sc.cross.mu.Lock()
	if sc.cross.rotated == nil {
		sc.cross.rotated = map[string]bool{}
	}
	sc.cross.rotated[id] = true
	sc.cross.mu.Unlock()
}

// deferFinding keeps a finding, already past suppressions, until Finish.
func (sc *Scanner) deferFinding(f finding.Finding, names []string) {
	sc.cross.mu.Lock()
	defer sc.cross.mu.Unlock()
	if sc.cross.pending == nil {
		sc.cross.pending = map[pendingKey]*pendingFinding{}
	}
	k := pendingKey{f.File, f.Rule, f.Line, f.Column}
	if _, ok := sc.cross.pending[k]; !ok {
		sc.cross.order = append(sc.cross.order, k)
	}
	sc.cross.pending[k] = &pendingFinding{f: f, names: names}
}

// Finish reports what needs every file of the scan: secrets that no
// rotation schedule of any template rotates. Call it once, after every
// ScanFile (or Scan); it resets the state for the next scan.
func (sc *Scanner) Finish() ([]finding.Finding, []finding.Problem) {
	sc.cross.mu.Lock()
	defer sc.cross.mu.Unlock()
	var out []finding.Finding
	for _, k := range sc.cross.order {
		p := sc.cross.pending[k]
		if !sc.rotatedElsewhere(p.names) {
			out = append(out, p.f)
		}
	}
	sc.cross.pending, sc.cross.order, sc.cross.rotated = nil, nil, nil
	out = append(out, sc.finishESO()...)
	sc.stacks.reset()
	sc.helm.reset()
	return finding.Sort(out), nil
}

func (sc *Scanner) rotatedElsewhere(names []string) bool {
	for id := range sc.cross.rotated {
		for _, n := range names {
			if id == n || !strings.HasPrefix(n, "import:") && cfn.SecretNameMatches(id, n) {
				return true
			}
		}
	}
	return false
}

// rotationMax returns the longest rotation interval allowed, in days.
func (sc *Scanner) rotationMax() int {
	if sc.s.RotationMaxDays > 0 {
		return sc.s.RotationMaxDays
	}
	return config.DefaultRotationMaxDays
}

// hierarchyOf compiles the parameter hierarchy of the settings, falling
// back to the default for settings built by hand.
func hierarchyOf(s *config.Settings) (*regexp.Regexp, string) {
	h := s.ParameterHierarchy
	if h == "" {
		h = config.DefaultParameterHierarchy
	}
	re, err := config.HierarchyRegexp(h)
	if err != nil {
		h = config.DefaultParameterHierarchy
		re, _ = config.HierarchyRegexp(h)
	}
	return re, h
}

// addNode records a finding of rule at node n: over n.Value[vs:ve] (all
// of it when ve is 0) when withRange is set, else at its start. Only
// findings that name nothing of the flagged text take a range.
func (f *fileScan) addNode(rule string, n *yaml.Node, vs, ve int, withRange bool, msg string) {
	if n == nil {
		return
	}
	if n.Kind != yaml.ScalarNode {
		f.add(rule, f.src.offset(n.Line, n.Column), -1, n.Line, msg)
		return
	}
	t := f.src.scalar(n)
	if ve <= vs {
		vs, ve = 0, len(n.Value)
	}
	start, end := f.src.locate(n, t, vs, ve)
	if !withRange {
		end = -1
	}
	f.add(rule, start, end, n.Line, msg)
}

// addPending records a finding that Finish reports unless a rotation
// schedule of another template names the secret.
func (f *fileScan) addPending(rule string, n *yaml.Node, names []string, msg string) {
	f.addNode(rule, n, 0, 0, false, msg)
	if f.pending == nil {
		f.pending = map[int][]string{}
	}
	ref := len(f.pending) + 1
	f.cands[len(f.cands)-1].Ref = ref
	f.pending[ref] = names
}

// metaSup is a per-resource suppression: Metadata: {secretlint: {ignore:
// [{rule: <id>, reason: <text>}]}}.
type metaSup struct {
	rule, reason string
	from, to     int // lines of the resource
	line, col    int // position of the entry
	used         bool
}

// metaSuppressions reads the per-resource suppressions of a template.
func (f *fileScan) metaSuppressions(t *cfn.Template) {
	for _, r := range t.Order {
		ig := cfn.Get(cfn.Get(cfn.Get(r.Node, "Metadata"), "secretlint"), "ignore")
		if ig == nil || ig.Kind != yaml.SequenceNode {
			continue
		}
		last := lastLine(r.Node)
		for _, e := range ig.Content {
			f.msup = append(f.msup, metaSup{
				rule:   cfn.ScalarValue(cfn.Get(e, "rule")),
				reason: strings.TrimSpace(cfn.ScalarValue(cfn.Get(e, "reason"))),
				from:   r.Key.Line,
				to:     last,
				line:   e.Line,
				col:    e.Column,
			})
		}
	}
}

// lastLine returns the last line of a node.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
		if n.Line > l {
			l = n.Line
		}
	}
	return l
}

// metaFilter drops the candidates a per-resource suppression covers.
func (f *fileScan) metaFilter(cs []pipeline.Candidate) []pipeline.Candidate {
	if len(f.msup) == 0 {
		return cs
	}
	return slices.DeleteFunc(cs, func(c pipeline.Candidate) bool {
		hit := false
		for i := range f.msup {
			m := &f.msup[i]
			if (m.rule == c.Rule || m.rule == "all") && c.Line >= m.from && c.Line <= m.to {
				m.used, hit = true, true
			}
		}
		return hit
	})
}

// metaProblems reports per-resource suppressions without a reason, for
// an unknown rule, or that suppressed nothing.
func (f *fileScan) metaProblems() {
	if f.skip(ruleDirective) {
		return
	}
	for _, m := range f.msup {
		var phrase string
		switch {
		case m.rule == "":
			phrase = "metadata_no_rule"
		case m.rule != "all" && !f.s.Known(m.rule):
			phrase = "metadata_unknown_rule"
		case m.reason == "":
			phrase = "metadata_no_reason"
		case !m.used && (m.rule == "all" || f.s.Enabled(m.rule)):
			phrase = "metadata_unused"
		default:
			continue
		}
		var args []string
		if phrase != "metadata_no_rule" {
			args = []string{"rules", m.rule}
		}
		f.cands = append(f.cands, pipeline.Candidate{
			Rule:        ruleDirective,
			Line:        m.line,
			Column:      f.src.offset(m.line, m.col) - f.src.lines[m.line-1] + 1,
			Message:     f.s.Message(ruleDirective, "problem", f.s.Phrase(phrase, args...)),
			Independent: true,
		})
	}
}
