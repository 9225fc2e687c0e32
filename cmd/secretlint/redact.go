package main

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/match"
)

// defaultMatcher is the matcher of the built-in catalogue, for texts
// printed before (or without) the run's settings.
var defaultMatcher = sync.OnceValue(func() *match.Matcher {
	cat, err := secretlint.Load()
	if err != nil {
		return nil
	}
	m, _ := match.New(cat, match.Options{})
	return m
})

// redactText keeps any secret out of a text printed to the user: one
// pass over every problem and error, whatever its origin (go list, the
// type checker, YAML, git, fatal paths), with the matcher's detectors.
func redactText(m *match.Matcher, s string) string {
	if m == nil {
		m = defaultMatcher()
	}
	if m == nil {
		return match.Redact(s)
	}
	return m.RedactText(s)
}

// redactProblem redacts a problem's message, and the tokens of its file
// name (a `//line` directive may name any file).
func redactProblem(m *match.Matcher, p finding.Problem) finding.Problem {
	if m == nil {
		m = defaultMatcher()
	}
	p.Message = redactText(m, p.Message)
	if m != nil {
		p.File = m.RedactTokens(p.File)
	}
	return p
}

// redactedError is an error whose text is redacted.
type redactedError struct{ msg string }

func (e redactedError) Error() string { return e.msg }

// redactErr redacts the text of an error printed on a fatal path.
func redactErr(err error) error {
	if err == nil {
		return nil
	}
	return redactedError{redactText(nil, err.Error())}
}

// msgPos finds the position an error message starts with or quotes
// (`go: errors parsing go.mod:\n/x/go.mod:3: …`) when the error has none.
var msgPos = regexp.MustCompile(`(?m)(?:^|\s)([^\s:]+\.(?:go|mod|work|s|c|h)):(\d+)(?::(\d+))?:`)

// positionFromMessage fills the file, line and column of a problem from
// its message.
func positionFromMessage(p *finding.Problem) bool {
	m := msgPos.FindStringSubmatch(p.Message)
	if m == nil {
		return false
	}
	p.File = relPath(m[1])
	p.Line, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		p.Column, _ = strconv.Atoi(m[3])
	}
	return true
}
