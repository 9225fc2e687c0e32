package match

import (
	"testing"

	"github.com/awsguard/secretlint"
)

func TestRegexMinLen(t *testing.T) {
	for pattern, want := range map[string]int{
		`\b((?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z2-7]{16})\b`: 20,
		`ghp_[A-Za-z0-9]{36}`:                         40,
		`(sk|rk)_live_[0-9a-zA-Z]{10,99}`:             18,
		`a*`:                                          0,
		`x?y+z{2,}`:                                   3,
		`(`:                                           0,
	} {
		if got := regexMinLen(pattern); got != want {
			t.Errorf("regexMinLen(%q) = %d, want %d", pattern, got, want)
		}
	}
}

// TestMinToken checks the length below which texts skip the detectors:
// no detector of the catalogue can match a shorter text.
func TestMinToken(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range cat.Detectors {
		if l := regexMinLen(d.Regex); l < m.minToken {
			t.Errorf("detector %s can match %d bytes, below the minimum %d", d.ID, l, m.minToken)
		}
	}
	t.Logf("shortest detector match: %d bytes", m.minToken)
	for _, ex := range cat.Detectors[0].Examples.Match {
		if !m.MayHaveTokens(ex) {
			t.Errorf("prefilter rejects a match example of %s", cat.Detectors[0].ID)
		}
	}
}
