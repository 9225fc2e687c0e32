package finding

import (
	"strings"
	"testing"
)

func TestFingerprintsSurviveLineMoves(t *testing.T) {
	src := map[int]string{3: `	password := "Vq7rT2xLm9"`, 9: `password := "Vq7rT2xLm9"  `}
	lines := func(_ string, line int) string { return src[line] }
	a := []Finding{{Rule: "hardcoded-credential", File: "a.go", Line: 3, Message: "m"}}
	b := []Finding{{Rule: "hardcoded-credential", File: "a.go", Line: 9, Message: "m"}}
	Fingerprints(a, lines)
	Fingerprints(b, lines)
	if a[0].Fingerprint == "" || a[0].Fingerprint != b[0].Fingerprint {
		t.Errorf("fingerprint changed with the line number or indentation: %q vs %q", a[0].Fingerprint, b[0].Fingerprint)
	}
	if strings.Contains(a[0].Fingerprint, "Vq7rT2xLm9") {
		t.Error("fingerprint holds the secret")
	}
	c := []Finding{{Rule: "hardcoded-credential", File: "a.go", Line: 1, Message: "m"}}
	Fingerprints(c, func(string, int) string { return `password := "Wz8sU3yMn0"` })
	if c[0].Fingerprint == a[0].Fingerprint {
		t.Error("a different secret on the line gives the same fingerprint")
	}
	twice := []Finding{{Rule: "r", File: "f", Line: 1, Message: "m"}, {Rule: "r", File: "f", Line: 2, Message: "m"}}
	Fingerprints(twice, func(string, int) string { return "same" })
	if twice[0].Fingerprint == twice[1].Fingerprint || !strings.HasSuffix(twice[1].Fingerprint, ":1") {
		t.Errorf("identical findings share a fingerprint: %q, %q", twice[0].Fingerprint, twice[1].Fingerprint)
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
