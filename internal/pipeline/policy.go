package pipeline

import (
	"path/filepath"
	"strings"

	"github.com/awsguard/secretlint"
)

// Policy is the part of a run's configuration that decides which findings
// are reported and how severe they are.
type Policy interface {
	// Known reports whether rule is a catalogue rule.
	Known(rule string) bool
	// Skip reports whether a finding of rule in path is not reported: its
	// rule is off, its path allowlisted, or it is test code excluded.
	Skip(rule, path string) bool
	// SeverityOf returns the severity of a finding of rule in path.
	SeverityOf(rule, path string) secretlint.Severity
}

// Messages composes the texts of findings and problems from the catalogue
// in the run's language.
type Messages interface {
	Message(rule string, args ...string) string
	Phrase(id string, args ...string) string
}

// Rel returns the slash path of p relative to base when p lies below it,
// and p slash-separated otherwise. A relative p is taken as relative to
// base already. Every engine and driver writes paths through Rel.
func Rel(base, p string) string {
	if base != "" && filepath.IsAbs(p) {
		if r, err := filepath.Rel(base, p); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			p = r
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}
