// Package pipeline turns what the engines find into findings, the same way
// for every engine (the Go analyzer, the YAML/IaC engine) and every driver
// (the command, the golangci-lint plugin, go vet):
//
//	engines ──candidates──> Resolve ──> Suppress ──> Finish ──findings──> reports
//
// An engine reports a Candidate: a rule, a span of a file, a message made
// from the catalogue, and whether the candidate is independent. Resolve
// keeps one candidate per location; Suppress applies the file's
// //secretlint:ignore and # secretlint:ignore directives and reports the
// invalid or unused ones; Finish applies the run's Policy (enabled rules,
// allowlisted paths, the test-file policy) and gives each finding its
// severity. The baseline and -new-from-rev filters apply to the findings
// of the whole run.
//
// # Tie-break
//
// Candidates compete for a location when their spans overlap (a span
// whose end is unknown covers its first byte). Of competing candidates the
// one whose rule has the highest precedence in rules.yaml wins; among
// equal precedence the narrower span wins, then the one the engine found
// first. Independent candidates (a secret written to a log, a fetch in a
// loop) do not compete: they are reported beside whatever else is found
// at their location.
package pipeline
