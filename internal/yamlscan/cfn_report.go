package yamlscan

import (
	"regexp"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/match"
)

// cfnReporter is what the CloudFormation rules need of the scan of a
// file: where findings go, the texts of messages and the settings.
type cfnReporter interface {
	// skip reports whether rule does not run on the file.
	skip(rule string) bool
	// addNode records a finding at node n (see fileScan.addNode).
	addNode(rule string, n *yaml.Node, vs, ve int, withRange bool, msg string)
	// addPending records a finding that another template may cancel.
	addPending(rule string, n *yaml.Node, names []string, msg string)
	message(rule string, args ...string) string
	messageAs(rule, variant string, args ...string) string
	// lang is the run's language, for catalogue texts such as kind titles.
	lang() string
	// phrase formats a catalogue phrase in the run's language.
	phrase(id string, args ...string) string
	// credName classifies a key or variable name.
	credName(s string) match.Name
	// literalCredential reports whether v, given to name, is a literal
	// credential.
	literalCredential(name match.Name, v string) bool
	// addRotated records a secret ID a rotation schedule names, for the
	// other templates of the scan.
	addRotated(id string)
	rotationMax() int
	// hierarchy returns the Parameter Store hierarchy and its text.
	hierarchy() (*regexp.Regexp, string)
}

func (f *fileScan) message(rule string, args ...string) string { return f.s.Message(rule, args...) }

func (f *fileScan) messageAs(rule, variant string, args ...string) string {
	return f.s.MessageAs(rule, variant, args...)
}

func (f *fileScan) lang() string                            { return f.s.Lang }
func (f *fileScan) phrase(id string, args ...string) string { return f.s.Phrase(id, args...) }
func (f *fileScan) credName(s string) match.Name            { return f.ident(s).name }

func (f *fileScan) literalCredential(name match.Name, v string) bool {
	return f.m.LiteralCredential(ruleCredential, name, v)
}

func (f *fileScan) addRotated(id string) { f.sc.addRotated(id) }
func (f *fileScan) rotationMax() int     { return f.sc.rotationMax() }

func (f *fileScan) hierarchy() (*regexp.Regexp, string) { return f.sc.hier, f.sc.hierText }
