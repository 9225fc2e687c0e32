package pipeline

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/awsguard/secretlint/internal/atomicfile"
	"github.com/awsguard/secretlint/internal/finding"
)

// BaselineVersion is the version of the baseline file format. Version 2
// holds fingerprints of the secretlint/v2 scheme; version 1 files (of the
// secretlint/v1 scheme) still load and match, through fingerprints
// computed in memory only, and `secretlint baseline` rewrites them.
const BaselineVersion = 2

// LegacyBaselineVersion is the oldest version ReadBaseline accepts.
const LegacyBaselineVersion = 1

// Baseline records accepted findings by fingerprint: rule, path and the
// finding's fingerprint. It holds no line numbers and no secret, so it
// survives line moves and can be committed.
type Baseline struct {
	Version int             `json:"version"`
	Entries []BaselineEntry `json:"entries"`
}

// BaselineEntry is one accepted finding.
type BaselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
}

func (e BaselineEntry) key() string { return e.Rule + "\x00" + e.File + "\x00" + e.Fingerprint }

// NewBaseline records the findings, sorted by file and fingerprint.
func NewBaseline(fs []finding.Finding) Baseline {
	b := Baseline{Version: BaselineVersion, Entries: []BaselineEntry{}}
	for _, f := range fs {
		b.Entries = append(b.Entries, BaselineEntry{Rule: f.Rule, File: f.File, Fingerprint: f.Fingerprint})
	}
	slices.SortFunc(b.Entries, func(a, b BaselineEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	return b
}

// WriteBaseline records the findings in the file name, atomically: a
// failed or concurrent write never leaves a partial baseline.
func WriteBaseline(name string, fs []finding.Finding) error {
	data, err := json.MarshalIndent(NewBaseline(fs), "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(name, 0o644, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// ReadBaseline reads a baseline file.
func ReadBaseline(name string) (Baseline, error) {
	var b Baseline
	data, err := os.ReadFile(name)
	if err != nil {
		return b, err
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return b, fmt.Errorf("baseline %s: %w", name, err)
	}
	if b.Version < LegacyBaselineVersion || b.Version > BaselineVersion {
		return b, fmt.Errorf("baseline %s: version %d, want %d to %d", name, b.Version, LegacyBaselineVersion, BaselineVersion)
	}
	return b, nil
}

// Legacy reports whether the baseline holds fingerprints of the first
// scheme: Apply then needs the legacy fingerprints of the findings.
func (b Baseline) Legacy() bool { return b.Version == LegacyBaselineVersion }

// Apply drops the findings recorded in the baseline and returns the
// entries that matched none: findings that disappeared since. legacy
// returns the secretlint/v1 fingerprint of a finding; it is called only
// for a version 1 baseline, and may be nil otherwise.
func (b Baseline) Apply(fs []finding.Finding, legacy func(finding.Finding) string) (kept []finding.Finding, stale []BaselineEntry) {
	known := map[string]bool{}
	for _, e := range b.Entries {
		known[e.key()] = true
	}
	used := map[string]bool{}
	kept = fs[:0:0]
	for _, f := range fs {
		fp := f.Fingerprint
		if b.Legacy() && legacy != nil {
			fp = legacy(f)
		}
		k := BaselineEntry{Rule: f.Rule, File: f.File, Fingerprint: fp}.key()
		if known[k] {
			used[k] = true
			continue
		}
		kept = append(kept, f)
	}
	for _, e := range b.Entries {
		if !used[e.key()] {
			stale = append(stale, e)
		}
	}
	return kept, stale
}
