package finding

import (
	"strings"
	"testing"
)

func TestFingerprintsSurviveLineMoves(t *testing.T) {
	src := map[int]string{3: `	password := "Vq7rT2xLm9"`, 9: `password := "Vq7rT2xLm9"  `}
	lines := func(_ string, line int) string { return src[line] }
	a := []Finding{{Rule: "hardcoded-credential", File: "a.go", Line: 3, Column: 14, EndLine: 3, EndColumn: 26, Message: "m"}}
	b := []Finding{{Rule: "hardcoded-credential", File: "a.go", Line: 9, Column: 13, EndLine: 9, EndColumn: 25, Message: "m"}}
	Fingerprints(a, lines)
	Fingerprints(b, lines)
	if a[0].Fingerprint == "" || a[0].Fingerprint != b[0].Fingerprint {
		t.Errorf("fingerprint changed with the line number or indentation: %q vs %q", a[0].Fingerprint, b[0].Fingerprint)
	}
	twice := []Finding{{Rule: "r", File: "f", Line: 1, Message: "m"}, {Rule: "r", File: "f", Line: 2, Message: "m"}}
	Fingerprints(twice, func(string, int) string { return "same" })
	if twice[0].Fingerprint == twice[1].Fingerprint || !strings.HasSuffix(twice[1].Fingerprint, ":1") {
		t.Errorf("identical findings share a fingerprint: %q, %q", twice[0].Fingerprint, twice[1].Fingerprint)
	}
}

// TestFingerprintsHoldNoSecret checks that the fingerprint does not
// depend on the secret (so no guess can be checked against it), but does
// on the key, the rule and the rest of the line.
func TestFingerprintsHoldNoSecret(t *testing.T) {
	fp := func(line string, col, end int, rule, msg string) string {
		fs := []Finding{{Rule: rule, File: "a.yaml", Line: 1, Column: col, EndLine: 1, EndColumn: end, Message: msg}}
		if end == 0 {
			fs[0].EndLine = 0
		}
		Fingerprints(fs, func(string, int) string { return line })
		return fs[0].Fingerprint
	}
	base := fp(`password: "Winter2024!" # db`, 12, 23, "hardcoded-credential", "m (11 chars)")
	for name, got := range map[string]string{
		"other secret":           fp(`password: "Summer2025?" # db`, 12, 23, "hardcoded-credential", "m (11 chars)"),
		"other length":           fp(`password: "Winter2024!!!" # db`, 12, 25, "hardcoded-credential", "m (13 chars)"),
		"end unknown":            fp(`password: "Spring2026x" # db`, 12, 0, "hardcoded-credential", "m"),
		"unquoted, end unknown":  fp(`password: Autumn # db`, 11, 0, "hardcoded-credential", "m"),
		"second secret unmasked": fp(`password: "Winter2024!" # db`, 12, 23, "hardcoded-credential", "other message"),
	} {
		if name == "end unknown" || name == "unquoted, end unknown" {
			if got == "" || got == base {
				t.Errorf("%s: %q", name, got)
			}
			continue
		}
		if got != base {
			t.Errorf("%s: fingerprint %q differs from %q: it depends on the secret", name, got, base)
		}
	}
	if fp(`passphrase: "Winter2024!" # db`, 14, 25, "hardcoded-credential", "m") == base {
		t.Error("another key gives the same fingerprint")
	}
	if fp(`password: "Winter2024!" # db`, 12, 23, "hardcoded-token", "m") == base {
		t.Error("another rule gives the same fingerprint")
	}
	// Two secrets on one line: each finding masks both.
	fs := []Finding{
		{Rule: "r", File: "f", Line: 1, Column: 4, EndLine: 1, EndColumn: 10},
		{Rule: "r", File: "f", Line: 1, Column: 14, EndLine: 1, EndColumn: 20},
	}
	Fingerprints(fs, func(string, int) string { return "a: Q8vLm2 b: Zr5Tx9" })
	gs := []Finding{
		{Rule: "r", File: "f", Line: 1, Column: 4, EndLine: 1, EndColumn: 10},
		{Rule: "r", File: "f", Line: 1, Column: 14, EndLine: 1, EndColumn: 20},
	}
	Fingerprints(gs, func(string, int) string { return "a: Kp3Wz7 b: Hy6Nc1" })
	if fs[0].Fingerprint != gs[0].Fingerprint || fs[1].Fingerprint != gs[1].Fingerprint {
		t.Error("a fingerprint depends on another secret of its line")
	}
}

func TestShape(t *testing.T) {
	for _, c := range []struct {
		line       string
		col        int
		spans      []Span
		shape, key string
	}{
		{`	db.password = "x\"y" + z`, 16, []Span{{16, 22}}, "db.password = \x00 + z", "db.password"},
		{"token: ghp_abc # note", 8, []Span{{8, 0}}, "token: \x00", "token"},
		{"anything", 0, []Span{{0, 0}}, "\x00", ""},
		{"k: 'it''s'", 4, nil, "k: '\x00''\x00'", "k"},
	} {
		shape, key := Shape(c.line, c.col, c.spans)
		if shape != c.shape || key != c.key {
			t.Errorf("Shape(%q) = %q, %q; want %q, %q", c.line, shape, key, c.shape, c.key)
		}
	}
}

func TestLegacyFingerprints(t *testing.T) {
	fs := []Finding{{Rule: "hardcoded-credential", File: "a.go", Line: 3, Message: "m"}}
	got := LegacyFingerprints(fs, func(string, int) string { return `	password := "Vq7rT2xLm9"` })
	// The value secretlint/v1 gave this finding.
	if len(got) != 1 || got[0] != "22fc84c70efc684647799da15e75fd1d" {
		t.Errorf("legacy fingerprints %q", got)
	}
}

func TestSortDropsVariantDuplicates(t *testing.T) {
	f := Finding{Rule: "r", File: "a.go", Line: 2, Column: 3, Message: "m"}
	g := Finding{Rule: "r", File: "a.go", Line: 1, Column: 1, Message: "m"}
	got := Sort([]Finding{f, g, f})
	if len(got) != 2 || got[0] != g || got[1] != f {
		t.Errorf("Sort = %+v", got)
	}
}

func TestProblemString(t *testing.T) {
	for p, want := range map[Problem]string{
		{File: "a.yaml", Line: 3, Column: 2, Message: "bad"}: "a.yaml:3:2: bad",
		{File: "a.yaml", Line: 3, Message: "bad"}:            "a.yaml:3: bad",
		{File: "a.yaml", Message: "bad"}:                     "a.yaml: bad",
	} {
		if p.String() != want {
			t.Errorf("%+v.String() = %q, want %q", p, p.String(), want)
		}
	}
}
