// Package secretlint holds the rule catalogue of secretlint: the rules of the
// AWS secrets guideline, the credential kinds and identifier words that signal
// them, placeholder values, reference suffixes and token detectors. All of it
// is decoded from rules.yaml, the single place where a rule is defined.
package secretlint

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed rules.yaml
var rulesYAML []byte

// RulesYAML returns the embedded catalogue source, for tools that render it.
func RulesYAML() []byte { return slices.Clone(rulesYAML) }

// Severity is a rule's default severity. Drivers map it; diagnostics never carry it.
type Severity string

// Severities in decreasing order.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityNote    Severity = "note"
)

// Rank orders severities: error 3, warning 2, note 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityNote:
		return 1
	}
	return 0
}

// Valid reports whether s is one of error, warning or note.
func (s Severity) Valid() bool { return s.Rank() > 0 }

// Text is a text in the catalogue's languages.
type Text struct {
	EN string `yaml:"en"`
	JA string `yaml:"ja"`
}

// In returns the text in lang ("en" or "ja"), falling back to English.
func (t Text) In(lang string) string {
	if lang == "ja" && t.JA != "" {
		return t.JA
	}
	return t.EN
}

// Languages lists the languages every catalogue text is written in.
var Languages = []string{"en", "ja"}

// Rule is one rule of the guideline.
type Rule struct {
	ID       string   `yaml:"id"`
	Severity Severity `yaml:"severity"`
	Since    string   `yaml:"since"`
	// Default is false for opt-in rules.
	Default bool     `yaml:"default"`
	Targets []string `yaml:"targets"`
	// Precedence decides which rule reports when several match one
	// location: the highest wins.
	Precedence  int  `yaml:"precedence"`
	Title       Text `yaml:"title"`
	Description Text `yaml:"description"`
	Remediation Text `yaml:"remediation"`
	// Params are the names of the {placeholders} its messages take.
	Params  []string `yaml:"params"`
	Message Text     `yaml:"message"`
	// Messages are variants of Message for the shapes a rule reports,
	// chosen by the check with FormatAs.
	Messages map[string]Text `yaml:"messages"`
	Tags     []string        `yaml:"tags"`
	// SecuritySeverity is the SARIF security-severity score (0.0-10.0).
	SecuritySeverity string `yaml:"security_severity"`
	Examples         struct {
		Bad  []Example `yaml:"bad"`
		Good []Example `yaml:"good"`
	} `yaml:"examples"`
	// Deprecated names the rule that replaces this one.
	Deprecated string `yaml:"deprecated"`
}

// Example is a documented snippet of a rule.
type Example struct {
	Lang string `yaml:"lang"` // go or yaml
	Code string `yaml:"code"`
}

// HasTarget reports whether the rule applies to target ("go", "yaml" or "terraform").
func (r *Rule) HasTarget(target string) bool { return slices.Contains(r.Targets, target) }

// Format fills the rule's message template for lang. Placeholders are
// written {name}; args holds name/value pairs (see Fill).
func (r *Rule) Format(lang string, args ...string) string {
	return Fill(r.Message.In(lang), args)
}

// FormatAs fills the message variant's template (Message when the rule has
// no such variant).
func (r *Rule) FormatAs(variant, lang string, args ...string) string {
	if t, ok := r.Messages[variant]; ok {
		return Fill(t.In(lang), args)
	}
	return r.Format(lang, args...)
}

// Store is where the guideline puts a kind of credential.
type Store string

// Stores of the guideline.
const (
	StoreSecretsManager Store = "secrets-manager"
	StoreParameterStore Store = "parameter-store"
	StoreNone           Store = "none" // not a secret: plain configuration
)

// Kind is a kind of credential and the identifier words that signal it.
type Kind struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	// Secret is false for the kinds that name plain configuration.
	Secret bool `yaml:"secret"`
	// Store is where the guideline keeps values of this kind.
	Store Store `yaml:"store"`
	// Rotation is "required" when the guideline wants automatic rotation.
	Rotation string `yaml:"rotation"`
	// Words are phrases (space-separated words) that signal the kind on
	// their own, matched on whole words of a split identifier.
	Words []string `yaml:"words"`
	// Needs, when set, are phrases of which one must also occur in the
	// identifier for Words to signal this kind (for example a DB word
	// beside "password").
	Needs []string `yaml:"needs"`
}

// Detector is a known token format, reported under the hardcoded-token rule
// (or the rule it names).
type Detector struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Rule is the rule a match is reported under; hardcoded-token by default.
	Rule string `yaml:"rule"`
	// Keywords: at least one must occur (case-insensitively) in the text for
	// the regex to run.
	Keywords []string `yaml:"keywords"`
	Regex    string   `yaml:"regex"`
	// SecretGroup is the capture group holding the secret; 0 is the whole match.
	SecretGroup int     `yaml:"secret_group"`
	MinEntropy  float64 `yaml:"min_entropy"`
	Allow       struct {
		// Values are regexes; a secret matching one is not reported.
		Values []string `yaml:"values"`
	} `yaml:"allow"`
	Examples struct {
		Match   []string `yaml:"match"`
		NoMatch []string `yaml:"no_match"`
	} `yaml:"examples"`
}

// Placeholders are values that are never findings.
type Placeholders struct {
	// Values are matched exactly, case-insensitively.
	Values []string `yaml:"values"`
	// Patterns are regexes matched against the whole value.
	Patterns []string `yaml:"patterns"`
}

// Catalogue is the decoded rules.yaml.
type Catalogue struct {
	Version int    `yaml:"version"`
	Rules   []Rule `yaml:"rules"`
	// Reserved rule IDs: implemented by later versions, never reused.
	Reserved          []string     `yaml:"reserved"`
	Kinds             []Kind       `yaml:"kinds"`
	ReferenceSuffixes []string     `yaml:"reference_suffixes"`
	Placeholders      Placeholders `yaml:"placeholders"`
	// ReferencePatterns are regexes of values that point at a secret
	// (SSM paths, ARNs, templates) instead of holding one.
	ReferencePatterns []string `yaml:"reference_patterns"`
	// ConnectionSchemes are URL schemes of database and broker connection strings.
	ConnectionSchemes []string   `yaml:"connection_schemes"`
	Detectors         []Detector `yaml:"detectors"`
	// DocsURL is where docs/rules.md is published; rule anchors are rule IDs.
	DocsURL string `yaml:"docs_url"`
	// Phrases are the texts the engines and reports compose messages and
	// documents from, by phrase ID.
	Phrases map[string]Phrase `yaml:"phrases"`
	// TerraformModules are the well-known registry modules, by the
	// inputs that carry credentials.
	TerraformModules []TerraformModule `yaml:"terraform_modules"`
}

// Rule returns the rule with the given ID.
func (c *Catalogue) Rule(id string) *Rule {
	for i := range c.Rules {
		if c.Rules[i].ID == id {
			return &c.Rules[i]
		}
	}
	return nil
}

// Kind returns the kind with the given ID.
func (c *Catalogue) Kind(id string) *Kind {
	for i := range c.Kinds {
		if c.Kinds[i].ID == id {
			return &c.Kinds[i]
		}
	}
	return nil
}

// HelpURI returns the documentation address of a rule.
func (c *Catalogue) HelpURI(id string) string {
	if c.DocsURL == "" {
		return ""
	}
	return c.DocsURL + "#" + id
}

var (
	loadOnce sync.Once
	loaded   *Catalogue
	loadErr  error
)

// Load decodes and validates the embedded rules.yaml once.
func Load() (*Catalogue, error) {
	loadOnce.Do(func() { loaded, loadErr = Parse(rulesYAML) })
	return loaded, loadErr
}

// Parse decodes and validates a catalogue.
func Parse(src []byte) (*Catalogue, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var c Catalogue
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("rules.yaml: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("rules.yaml: %w", err)
	}
	return &c, nil
}

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks the catalogue's invariants.
func (c *Catalogue) Validate() error {
	var errs []error
	for _, id := range c.Reserved {
		if !kebab.MatchString(id) {
			errs = append(errs, fmt.Errorf("reserved rule ID %q is not kebab-case", id))
		}
	}
	errs = append(errs, c.validateRules()...)
	errs = append(errs, c.validateKinds()...)
	errs = append(errs, c.validateDetectors()...)
	for _, p := range append(slices.Clone(c.Placeholders.Patterns), c.ReferencePatterns...) {
		if _, err := regexp.Compile(p); err != nil {
			errs = append(errs, fmt.Errorf("pattern %q: %w", p, err))
		}
	}
	errs = append(errs, c.validateTexts()...)
	errs = append(errs, c.validateTerraformModules()...)
	return errors.Join(errs...)
}

func (c *Catalogue) validateRules() []error {
	var errs []error
	seen := map[string]bool{}
	for i := range c.Rules {
		r := &c.Rules[i]
		if !kebab.MatchString(r.ID) {
			errs = append(errs, fmt.Errorf("rule ID %q is not kebab-case", r.ID))
		}
		if seen[r.ID] {
			errs = append(errs, fmt.Errorf("rule %s is defined twice", r.ID))
		}
		seen[r.ID] = true
		if !slices.Contains(c.Reserved, r.ID) {
			errs = append(errs, fmt.Errorf("rule %s is not in the reserved list", r.ID))
		}
		if !r.Severity.Valid() {
			errs = append(errs, fmt.Errorf("rule %s: severity %q is not error, warning or note", r.ID, r.Severity))
		}
		if len(r.Targets) == 0 {
			errs = append(errs, fmt.Errorf("rule %s has no targets", r.ID))
		}
		for _, t := range r.Targets {
			if t != "go" && t != "yaml" && t != "terraform" {
				errs = append(errs, fmt.Errorf("rule %s: unknown target %q", r.ID, t))
			}
		}
		for name, txt := range map[string]Text{"title": r.Title, "description": r.Description, "remediation": r.Remediation, "message": r.Message} {
			if txt.EN == "" || txt.JA == "" {
				errs = append(errs, fmt.Errorf("rule %s: %s needs en and ja", r.ID, name))
			}
		}
		for v, txt := range r.Messages {
			if txt.EN == "" || txt.JA == "" {
				errs = append(errs, fmt.Errorf("rule %s: message %s needs en and ja", r.ID, v))
			}
		}
		for _, t := range []string{r.Title.EN, r.Title.JA} {
			if len([]rune(t)) > 60 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "。") {
				errs = append(errs, fmt.Errorf("rule %s: title %q must be at most 60 characters with no final period", r.ID, t))
			}
		}
	}
	return errs
}

func (c *Catalogue) validateKinds() []error {
	var errs []error
	kinds := map[string]bool{}
	for _, k := range c.Kinds {
		if !kebab.MatchString(k.ID) || kinds[k.ID] {
			errs = append(errs, fmt.Errorf("kind %q: ID not kebab-case or defined twice", k.ID))
		}
		kinds[k.ID] = true
		if len(k.Words) == 0 {
			errs = append(errs, fmt.Errorf("kind %s has no words", k.ID))
		}
		if k.Title.EN == "" || k.Title.JA == "" {
			errs = append(errs, fmt.Errorf("kind %s: title needs en and ja", k.ID))
		}
		switch k.Store {
		case StoreSecretsManager, StoreParameterStore, StoreNone:
		default:
			errs = append(errs, fmt.Errorf("kind %s: unknown store %q", k.ID, k.Store))
		}
	}
	return errs
}

func (c *Catalogue) validateDetectors() []error {
	var errs []error
	dets := map[string]bool{}
	for _, d := range c.Detectors {
		if !kebab.MatchString(d.ID) || dets[d.ID] {
			errs = append(errs, fmt.Errorf("detector %q: ID not kebab-case or defined twice", d.ID))
		}
		dets[d.ID] = true
		if d.Rule != "" && c.Rule(d.Rule) == nil {
			errs = append(errs, fmt.Errorf("detector %s: unknown rule %q", d.ID, d.Rule))
		}
		if len(d.Keywords) == 0 {
			errs = append(errs, fmt.Errorf("detector %s has no keywords", d.ID))
		}
		re, err := regexp.Compile(d.Regex)
		if err != nil {
			errs = append(errs, fmt.Errorf("detector %s: %w", d.ID, err))
		} else if d.SecretGroup > re.NumSubexp() {
			errs = append(errs, fmt.Errorf("detector %s: secret_group %d out of range", d.ID, d.SecretGroup))
		}
		for _, a := range d.Allow.Values {
			if _, err := regexp.Compile(a); err != nil {
				errs = append(errs, fmt.Errorf("detector %s: allow: %w", d.ID, err))
			}
		}
	}
	return errs
}
