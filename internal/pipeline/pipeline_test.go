package pipeline_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/pipeline"
)

var precedence = map[string]int{"high": 50, "mid": 30, "low": 10}

func prec(rule string) int { return precedence[rule] }

func rules(cs []pipeline.Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Rule)
	}
	return out
}

func TestResolveTieBreak(t *testing.T) {
	tests := []struct {
		name string
		in   []pipeline.Candidate
		want []string
	}{
		{"higher precedence wins", []pipeline.Candidate{
			{Rule: "low", Start: 0, End: 10},
			{Rule: "high", Start: 5, End: 20},
		}, []string{"high"}},
		{"narrower span wins among equals", []pipeline.Candidate{
			{Rule: "mid", Start: 0, End: 30, Message: "wide"},
			{Rule: "mid", Start: 5, End: 10, Message: "narrow"},
		}, []string{"mid"}},
		{"first found wins among equal spans", []pipeline.Candidate{
			{Rule: "low", Start: 0, End: 10},
			{Rule: "mid", Start: 40, End: 50},
			{Rule: "mid", Start: 40, End: 50, Message: "second"},
		}, []string{"low", "mid"}},
		{"disjoint spans all kept, ordered by position", []pipeline.Candidate{
			{Rule: "high", Start: 20, End: 30},
			{Rule: "low", Start: 0, End: 10},
		}, []string{"low", "high"}},
		{"unknown end covers its first byte", []pipeline.Candidate{
			{Rule: "low", Start: 5, End: 5},
			{Rule: "high", Start: 6, End: 6},
			{Rule: "mid", Start: 5, End: 5},
		}, []string{"mid", "high"}},
		{"independent candidates do not compete", []pipeline.Candidate{
			{Rule: "low", Start: 0, End: 10, Independent: true},
			{Rule: "high", Start: 0, End: 10},
		}, []string{"low", "high"}},
		{"spans across lines compete", []pipeline.Candidate{
			{Rule: "high", Start: 0, End: 100, Line: 1},
			{Rule: "low", Start: 60, End: 70, Line: 3},
		}, []string{"high"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pipeline.Resolve(slices.Clone(tt.in), prec)
			if !slices.Equal(rules(got), tt.want) {
				t.Errorf("Resolve = %v, want %v", rules(got), tt.want)
			}
		})
	}
	got := pipeline.Resolve([]pipeline.Candidate{
		{Rule: "mid", Start: 0, End: 30, Message: "wide"},
		{Rule: "mid", Start: 5, End: 10, Message: "narrow"},
	}, prec)
	if len(got) != 1 || got[0].Message != "narrow" {
		t.Errorf("narrower span: got %+v", got)
	}
	got = pipeline.Resolve([]pipeline.Candidate{
		{Rule: "mid", Start: 40, End: 50, Message: "first"},
		{Rule: "mid", Start: 40, End: 50, Message: "second"},
	}, prec)
	if len(got) != 1 || got[0].Message != "first" {
		t.Errorf("first found: got %+v", got)
	}
}

func TestSuppress(t *testing.T) {
	var set directive.Set
	d, _ := directive.Parse("secretlint:ignore low fixture value")
	d.Line, d.Column = 3, 1
	set.Add(d)
	cs := []pipeline.Candidate{
		{Rule: "low", Line: 4},             // the line below the directive
		{Rule: "low", Line: 9, AltLine: 3}, // a block scalar starting on line 3
		{Rule: "low", Line: 9},
		{Rule: "high", Line: 4},
	}
	got := pipeline.Suppress(cs, &set)
	if len(got) != 2 || got[0].Line != 9 || got[1].Rule != "high" {
		t.Errorf("Suppress = %+v", got)
	}
}

type policy struct{ skip string }

func (p policy) Known(rule string) bool { _, ok := precedence[rule]; return ok }
func (p policy) Skip(rule, path string) bool {
	return rule == p.skip || filepath.Base(path) == "skipped.go"
}
func (p policy) SeverityOf(rule, path string) secretlint.Severity {
	if rule == "low" {
		return secretlint.SeverityNote
	}
	return secretlint.SeverityError
}

func TestFinish(t *testing.T) {
	cs := []pipeline.Candidate{
		{Rule: "low", Line: 1, Column: 2, Message: "a"},
		{Rule: "mid", Line: 2, Column: 3, EndLine: 2, EndColumn: 9, Message: "b"},
	}
	got := pipeline.Finish("dir/a.go", cs, policy{skip: "mid"})
	if len(got) != 1 || got[0].Rule != "low" || got[0].Severity != "note" || got[0].File != "dir/a.go" || got[0].Column != 2 {
		t.Errorf("Finish = %+v", got)
	}
	if got := pipeline.Finish("dir/skipped.go", cs, policy{}); len(got) != 0 {
		t.Errorf("Finish on a skipped path = %+v", got)
	}
}

type messages struct{}

func (messages) Message(rule string, args ...string) string { return rule + ":" + args[1] }
func (messages) Phrase(id string, args ...string) string    { return id }

func TestDirectiveProblems(t *testing.T) {
	var set directive.Set
	for i, text := range []string{"secretlint:ignore low", "secretlint:ignore nosuch some reason", "secretlint:ignore mid unused here"} {
		d, _ := directive.Parse(text)
		d.Line, d.Column = i+1, 1
		set.Add(d)
	}
	got := pipeline.DirectiveProblems(&set, "a.go", policy{}, messages{}, func(p directive.Problem) pipeline.Candidate {
		return pipeline.Candidate{Line: p.Line, Column: p.Column}
	})
	var msgs []string
	for _, c := range got {
		if c.Rule != "invalid-suppression" || !c.Independent {
			t.Errorf("problem candidate %+v", c)
		}
		msgs = append(msgs, c.Message)
	}
	want := []string{"invalid-suppression:directive_no_reason", "invalid-suppression:directive_unknown_rule", "invalid-suppression:directive_unused"}
	if !slices.Equal(msgs, want) {
		t.Errorf("messages = %v, want %v", msgs, want)
	}
	if got := pipeline.DirectiveProblems(&set, "a.go", policy{skip: "invalid-suppression"}, messages{}, nil); got != nil {
		t.Errorf("invalid-suppression disabled: %v", got)
	}
}

func TestRel(t *testing.T) {
	base := filepath.FromSlash("/repo/svc")
	for _, tt := range []struct{ in, want string }{
		{"/repo/svc/internal/db.go", "internal/db.go"},
		{"/repo/other/x.go", "/repo/other/x.go"},
		{"internal/./db.go", "internal/db.go"},
		{"/repo/svc", "."},
	} {
		if got := pipeline.Rel(base, filepath.FromSlash(tt.in)); got != tt.want {
			t.Errorf("Rel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
