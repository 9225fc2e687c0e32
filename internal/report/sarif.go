package report

// Notes on what SARIF consumers do with this output, from the header of
// dominikh/go-tools:lintcmd/sarif.go and GitHub's code scanning docs:
//
//   - GitHub renders help.markdown as it renders issue comments: every line
//     break becomes a hard break. Catalogue texts are wrapped at 72 columns,
//     so their paragraphs are unwrapped first.
//   - GitHub ignores helpUri, so help.markdown links to the docs itself.
//   - VS Code shows shortDescription or fullDescription, never help, and
//     shows a dash for a rule without a name; a name equal to the ID is not
//     allowed. Rules get an UpperCamelCase name.
//   - Result.Message.Text loses its Markdown except links; messages are
//     plain one-line text anyway.
//   - Columns count UTF-16 code units (run.columnKind), not bytes.
//   - results must be present even when empty, and URIs must stay stable
//     across runs: relative to %SRCROOT%, no absolute paths, no
//     timestamps, so the same input gives byte-identical output.

import (
	"bufio"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// SARIF constants.
const (
	sarifSchema       = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion      = "2.1.0"
	sarifInfoURI      = "https://github.com/awsguard/secretlint"
	sarifSrcRoot      = "%SRCROOT%"
	sarifFingerprint  = finding.FingerprintScheme
	sarifDefaultCateg = "secretlint/"
)

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool              sarifTool         `json:"tool"`
		AutomationDetails sarifAutomation   `json:"automationDetails"`
		Invocations       []sarifInvocation `json:"invocations"`
		// OriginalURIBaseIDs says where %SRCROOT%, the base of every
		// relative artifact URI, is: the repository root.
		OriginalURIBaseIDs map[string]sarifBase `json:"originalUriBaseIds"`
		ColumnKind         string               `json:"columnKind"`
		Results            []sarifResult        `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		Help                 sarifText       `json:"help"`
		HelpURI              string          `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
		Properties           sarifRuleProps  `json:"properties"`
	}
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifRuleConfig struct {
		// Enabled is set only for opt-in rules: SARIF's default is true.
		Enabled *bool  `json:"enabled,omitempty"`
		Level   string `json:"level"`
	}
	sarifRuleProps struct {
		Tags             []string `json:"tags"`
		Precision        string   `json:"precision"`
		SecuritySeverity string   `json:"security-severity,omitempty"`
	}
	sarifAutomation struct {
		ID string `json:"id"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           *int              `json:"ruleIndex,omitempty"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

func writeSARIF(w *bufio.Writer, fs []finding.Finding, opts Options) error {
	cat := opts.Catalogue
	if cat == nil {
		return fmt.Errorf("sarif output needs the rule catalogue")
	}
	lang, err := checkLang(opts.Lang)
	if err != nil {
		return err
	}
	source := opts.Source
	if source == nil {
		source = func(string, int) string { return "" }
	}

	driver := sarifDriver{
		Name:           toolName,
		Version:        opts.Version,
		InformationURI: sarifInfoURI,
		Rules:          make([]sarifRule, 0, len(cat.Rules)),
	}
	if v, ok := semanticVersion(opts.Version); ok {
		driver.SemanticVersion = v
	}
	index := map[string]int{}
	for i := range cat.Rules {
		r := &cat.Rules[i]
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(cat, r, lang))
	}

	category := opts.Category
	if category == "" {
		category = sarifDefaultCateg
	} else if !strings.HasSuffix(category, "/") {
		// As github/codeql-action does with its category input: the
		// whole ID is the category, with no run instance after it.
		category += "/"
	}

	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, p := range opts.Problems {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:     "warning",
			Message:   sarifText{Text: p.Message},
			Locations: []sarifLocation{sarifLocationOf(p.File, p.Line, p.Column, 0, 0, source)},
		})
	}

	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		res := sarifResult{
			RuleID:    f.Rule,
			Level:     string(severity(f)),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{sarifLocationOf(f.File, f.Line, f.Column, f.EndLine, f.EndColumn, source)},
		}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{sarifFingerprint: f.Fingerprint}
		}
		results = append(results, res)
	}

	return encodeJSON(w, sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:               sarifTool{Driver: driver},
			AutomationDetails:  sarifAutomation{ID: category},
			Invocations:        []sarifInvocation{inv},
			OriginalURIBaseIDs: srcRootBase(),
			ColumnKind:         "utf16CodeUnits",
			Results:            results,
		}},
	})
}

// sarifRuleOf describes a catalogue rule as a SARIF reportingDescriptor.
func sarifRuleOf(cat *secretlint.Catalogue, r *secretlint.Rule, lang string) sarifRule {
	helpURI := cat.HelpURI(r.ID)
	remediation := unwrap(r.Remediation.In(lang))
	description := unwrap(r.Description.In(lang))
	markdown := remediation + "\n\n" + description
	if helpURI != "" {
		markdown += "\n\n[" + label(lang, "docs") + "](" + helpURI + ")"
	}
	sr := sarifRule{
		ID:               r.ID,
		Name:             upperCamel(r.ID),
		ShortDescription: sarifText{Text: r.Title.In(lang)},
		FullDescription:  sarifText{Text: description},
		Help:             sarifText{Text: remediation, Markdown: markdown},
		HelpURI:          helpURI,
		DefaultConfiguration: sarifRuleConfig{
			Level: string(r.Severity),
		},
		Properties: sarifRuleProps{
			Tags:             sarifTags(r.Tags),
			Precision:        "high",
			SecuritySeverity: r.SecuritySeverity,
		},
	}
	if !r.Default {
		off := false
		sr.DefaultConfiguration.Enabled = &off
	}
	return sr
}

// sarifTags returns "security" and then the rule's tags, with CWE tags in
// the external/cwe/cwe-N form GitHub links to.
func sarifTags(tags []string) []string {
	out := []string{"security"}
	for _, t := range tags {
		if cweNumber.MatchString(t) {
			t = "external/cwe/" + strings.ToLower(t)
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// sarifLocationOf builds a physical location; byte columns become UTF-16
// columns, and unknown parts (0) are left out.
func sarifLocationOf(file string, line, col, endLine, endCol int, source func(string, int) string) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactOf(file)}}
	if line <= 0 {
		return loc
	}
	reg := &sarifRegion{StartLine: line}
	if col > 0 {
		reg.StartColumn = utf16Column(source(file, line), col)
	}
	if endLine > 0 {
		reg.EndLine = endLine
		if endCol > 0 {
			reg.EndColumn = utf16Column(source(file, endLine), endCol)
		}
	}
	loc.PhysicalLocation.Region = reg
	return loc
}

var windowsAbs = regexp.MustCompile(`^[A-Za-z]:/`)

// sarifArtifactOf makes a URI of a slash path: relative paths are
// resolved against %SRCROOT%; a file outside the scan root keeps its
// absolute file: URI, as nothing else can name it.
func sarifArtifactOf(file string) sarifArtifact {
	if strings.HasPrefix(file, "/") || windowsAbs.MatchString(file) {
		if !strings.HasPrefix(file, "/") {
			file = "/" + file
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: file}).String()}
	}
	// A colon would read as a URI scheme; percent-encode it.
	uri := strings.ReplaceAll((&url.URL{Path: file}).EscapedPath(), ":", "%3A")
	return sarifArtifact{URI: uri, URIBaseID: sarifSrcRoot}
}

// utf16Column converts a 1-based byte column on line into a 1-based
// column in UTF-16 code units. An unknown line ("") or an ASCII prefix
// keeps the byte column; bytes past the end of the line count one each.
func utf16Column(line string, col int) int {
	n := col - 1
	if n <= 0 || line == "" {
		return col
	}
	extra := 0
	if n > len(line) {
		extra, n = n-len(line), len(line)
	}
	prefix := line[:n]
	units := 0
	for _, r := range prefix { // invalid bytes decode as U+FFFD: one unit each
		units++
		if r > 0xFFFF {
			units++
		}
	}
	return units + extra + 1
}

// upperCamel turns a kebab-case rule ID into an UpperCamelCase name.
func upperCamel(id string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion returns v as a SemVer 2.0 version, without a Go "v"
// prefix, and whether it is one.
func semanticVersion(v string) (string, bool) {
	v = strings.TrimPrefix(v, "v")
	return v, semverRE.MatchString(v)
}

// unwrap joins the lines of each paragraph of a catalogue text, which is
// wrapped for reading in rules.yaml, so that renderers that turn line
// breaks into hard breaks (GitHub) show flowing text. Blocks that depend on
// their line breaks (fences, lists, indented code, tables) are kept. Lines
// are joined without a space where either side is Japanese or Chinese.
func unwrap(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		if keepBreaks(lines) {
			continue
		}
		var b strings.Builder
		for j, l := range lines {
			l = strings.TrimSpace(l)
			if j > 0 && !wideEdge(b.String(), l) {
				b.WriteByte(' ')
			}
			b.WriteString(l)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

func keepBreaks(lines []string) bool {
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") ||
			strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") ||
			strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "|") ||
			strings.HasPrefix(t, "#") {
			return true
		}
	}
	return false
}

// wideEdge reports whether the text before a line break ends, or the text
// after it starts, with a CJK character, which takes no space between.
func wideEdge(before, after string) bool {
	var last, first rune
	for _, r := range before {
		last = r
	}
	for _, r := range after {
		first = r
		break
	}
	return isWide(last) || isWide(first)
}

func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// sarifBase describes a URI base ID: where relative artifact URIs start.
type sarifBase struct {
	Description sarifText `json:"description"`
}

// srcRootBase says what %SRCROOT% is without naming a directory of the
// machine that ran the scan: the output stays byte-identical, and code
// scanning resolves the paths from the repository root.
func srcRootBase() map[string]sarifBase {
	return map[string]sarifBase{sarifSrcRoot: {Description: sarifText{
		Text: "The repository root: the git top level, else the Go module root, else the working directory of the scan.",
	}}}
}
