package directive

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text   string
		ok     bool
		file   bool
		rules  []string
		reason string
	}{
		{"secretlint:ignore hardcoded-credential local emulator key", true, false, []string{"hardcoded-credential"}, "local emulator key"},
		{" secretlint:ignore a,b  two rules ", true, false, []string{"a", "b"}, "two rules"},
		{"secretlint:file-ignore all generated vectors", true, true, []string{"all"}, "generated vectors"},
		{"secretlint:ignore hardcoded-token", true, false, []string{"hardcoded-token"}, ""},
		{"secretlint:ignore", true, false, nil, ""},
		{"secretlint:disable x", false, false, nil, ""},
		{"nolint:secretlint", false, false, nil, ""},
		{"see secretlint:ignore in the README", false, false, nil, ""},
	} {
		d, ok := Parse(tc.text)
		if ok != tc.ok || ok && (d.File != tc.file || !slices.Equal(d.Rules, tc.rules) || d.Reason != tc.reason) {
			t.Errorf("Parse(%q) = %+v, %v", tc.text, d, ok)
		}
	}
}

func TestSetSuppressesAndReports(t *testing.T) {
	known := func(id string) bool { return id == "r1" || id == "r2" }
	enabled := func(id string) bool { return id == "r1" }
	var s Set
	s.Add(Directive{Rules: []string{"r1"}, Reason: "why", Line: 10, Column: 1})   // used by line 11
	s.Add(Directive{Rules: []string{"r1"}, Reason: "why", Line: 20, Column: 1})   // unused
	s.Add(Directive{Rules: []string{"r1"}, Line: 30, Column: 1})                  // no reason, still suppresses
	s.Add(Directive{Rules: []string{"nope"}, Reason: "why", Line: 40, Column: 5}) // unknown rule
	s.Add(Directive{Rules: []string{"r2"}, Reason: "why", Line: 50, Column: 1})   // rule off: not unused
	if !s.Suppressed("r1", 11) || !s.Suppressed("r1", 30) || s.Suppressed("r1", 12) || s.Suppressed("r2", 11) {
		t.Fatal("suppression window wrong")
	}
	var got []int
	for _, p := range s.Problems(known, enabled) {
		got = append(got, p.Line)
	}
	if !slices.Equal(got, []int{20, 30, 40}) {
		t.Errorf("problems at lines %v, want [20 30 40]", got)
	}
}

func TestStartCoversFromEarlierLine(t *testing.T) {
	var s Set
	s.Add(Directive{Rules: []string{"r1"}, Reason: "why", Line: 60, Column: 9, Start: 55, EndLine: 70})
	if s.Suppressed("r1", 54) || !s.Suppressed("r1", 55) || !s.Suppressed("r1", 70) || s.Suppressed("r1", 72) {
		t.Fatal("a directive with Start covers Start..EndLine(+1)")
	}
}
