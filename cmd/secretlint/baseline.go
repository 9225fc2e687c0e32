package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/awsguard/secretlint/internal/finding"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// baselineFile records accepted findings by fingerprint: rule, path and a
// hash of the finding's normalised content. It holds no line numbers and no
// secret, so it survives line moves and can be committed.
type baselineFile struct {
	Version int             `json:"version"`
	Entries []baselineEntry `json:"entries"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
}

func newBaseline(fs []finding.Finding) baselineFile {
	b := baselineFile{Version: baselineVersion, Entries: []baselineEntry{}}
	for _, f := range fs {
		b.Entries = append(b.Entries, baselineEntry{Rule: f.Rule, File: f.File, Fingerprint: f.Fingerprint})
	}
	slices.SortFunc(b.Entries, func(a, b baselineEntry) int {
		if a.File != b.File {
			if a.File < b.File {
				return -1
			}
			return 1
		}
		if a.Fingerprint < b.Fingerprint {
			return -1
		}
		if a.Fingerprint > b.Fingerprint {
			return 1
		}
		return 0
	})
	return b
}

func writeBaseline(name string, fs []finding.Finding) error {
	data, err := json.MarshalIndent(newBaseline(fs), "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(data, '\n'), 0o644)
}

func readBaseline(name string) (baselineFile, error) {
	var b baselineFile
	data, err := os.ReadFile(name)
	if err != nil {
		return b, err
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return b, fmt.Errorf("baseline %s: %w", name, err)
	}
	if b.Version != baselineVersion {
		return b, fmt.Errorf("baseline %s: version %d, want %d", name, b.Version, baselineVersion)
	}
	return b, nil
}

// applyBaseline drops the findings recorded in the baseline and returns the
// entries that matched none: findings that disappeared since.
func applyBaseline(fs []finding.Finding, b baselineFile) ([]finding.Finding, []baselineEntry) {
	known := map[string]bool{}
	for _, e := range b.Entries {
		known[e.Rule+"\x00"+e.File+"\x00"+e.Fingerprint] = true
	}
	used := map[string]bool{}
	kept := fs[:0:0]
	for _, f := range fs {
		k := f.Rule + "\x00" + f.File + "\x00" + f.Fingerprint
		if known[k] {
			used[k] = true
			continue
		}
		kept = append(kept, f)
	}
	var stale []baselineEntry
	for _, e := range b.Entries {
		if !used[e.Rule+"\x00"+e.File+"\x00"+e.Fingerprint] {
			stale = append(stale, e)
		}
	}
	return kept, stale
}

func reportStale(w io.Writer, name string, stale []baselineEntry) {
	for _, e := range stale {
		fmt.Fprintf(w, "secretlint: baseline %s: stale entry: %s in %s no longer found (run secretlint baseline to drop it)\n", name, e.Rule, e.File)
	}
}
