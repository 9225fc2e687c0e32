package secretlint

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// Phrase is a text the engines and reports compose messages from: a place
// ("const dbPassword"), a piece of evidence, a problem, a heading. Like a
// rule's message it declares the {placeholders} it takes.
type Phrase struct {
	Params []string `yaml:"params"`
	Text   `yaml:",inline"`
}

// Phrase fills the phrase id for lang. An unknown phrase is a programming
// error: under test it panics, otherwise it returns the ID.
func (c *Catalogue) Phrase(id, lang string, args ...string) string {
	p, ok := c.Phrases[id]
	if !ok {
		missing("unknown phrase " + id)
		return id
	}
	return Fill(p.In(lang), args)
}

// HasPhrase reports whether the catalogue defines phrase id.
func (c *Catalogue) HasPhrase(id string) bool {
	_, ok := c.Phrases[id]
	return ok
}

// Fill fills a template's {placeholders} from args, name/value pairs. A
// placeholder without an argument is a programming error that tests must
// catch: under test Fill panics; otherwise the placeholder is left out, so
// that no "{x}" reaches a user.
func Fill(tmpl string, args []string) string {
	if len(args)%2 != 0 {
		missing(fmt.Sprintf("odd argument list %q for %q", args, tmpl))
	}
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		name := tmpl[i+1 : i+j]
		if !isParamName(name) {
			b.WriteString(tmpl[:i+j+1])
			tmpl = tmpl[i+j+1:]
			continue
		}
		val, ok := "", false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				val, ok = args[k+1], true
				break
			}
		}
		if !ok {
			missing(fmt.Sprintf("no argument for {%s} in %q", name, tmpl))
		}
		b.WriteString(tmpl[:i])
		b.WriteString(val)
		tmpl = tmpl[i+j+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// missing reports a message composed without one of its arguments.
func missing(what string) {
	if testing.Testing() {
		panic("secretlint catalogue: " + what)
	}
}

// isParamName reports whether s can name a placeholder: lower-case letters
// and underscores. Other braces ({{resolve:…}}, ${VAR}) are text.
func isParamName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}

// placeholders returns the sorted placeholder names of a template.
func placeholders(tmpl string) []string {
	var names []string
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		if name := tmpl[i+1 : i+j]; isParamName(name) && !slices.Contains(names, name) {
			names = append(names, name)
		}
		tmpl = tmpl[i+j+1:]
	}
	slices.Sort(names)
	return names
}

// checkTemplate checks that both languages of a template take the same
// placeholders, all of them declared.
func checkTemplate(what string, t Text, params []string) []error {
	var errs []error
	en, ja := placeholders(t.EN), placeholders(t.JA)
	if !slices.Equal(en, ja) {
		errs = append(errs, fmt.Errorf("%s: en takes %v, ja takes %v", what, en, ja))
	}
	for _, p := range en {
		if !slices.Contains(params, p) {
			errs = append(errs, fmt.Errorf("%s: {%s} is not among its params %v", what, p, params))
		}
	}
	return errs
}

// validateTexts checks every message and phrase against its declared params.
func (c *Catalogue) validateTexts() []error {
	var errs []error
	for i := range c.Rules {
		r := &c.Rules[i]
		used := map[string]bool{}
		errs = append(errs, checkTemplate("rule "+r.ID+": message", r.Message, r.Params)...)
		for _, p := range placeholders(r.Message.EN) {
			used[p] = true
		}
		for _, v := range slices.Sorted(maps.Keys(r.Messages)) {
			errs = append(errs, checkTemplate("rule "+r.ID+": message "+v, r.Messages[v], r.Params)...)
			for _, p := range placeholders(r.Messages[v].EN) {
				used[p] = true
			}
		}
		for _, p := range r.Params {
			if !used[p] {
				errs = append(errs, fmt.Errorf("rule %s: param %s is used by no message", r.ID, p))
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.Phrases)) {
		p := c.Phrases[id]
		if p.EN == "" || p.JA == "" {
			errs = append(errs, fmt.Errorf("phrase %s needs en and ja", id))
		}
		errs = append(errs, checkTemplate("phrase "+id, p.Text, p.Params)...)
	}
	return errs
}

// PhraseArgs fills phrase id for lang with positional arguments, taken in
// the order of the phrase's params.
func (c *Catalogue) PhraseArgs(id, lang string, args ...string) string {
	p, ok := c.Phrases[id]
	if !ok {
		missing("unknown phrase " + id)
		return id
	}
	if len(args) != len(p.Params) {
		missing(fmt.Sprintf("phrase %s takes %d arguments, got %d", id, len(p.Params), len(args)))
	}
	named := make([]string, 0, 2*len(p.Params))
	for i, name := range p.Params {
		if i < len(args) {
			named = append(named, name, args[i])
		}
	}
	return Fill(p.In(lang), named)
}
