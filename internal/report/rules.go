package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/awsguard/secretlint"
)

// RuleFormats lists the formats of [WriteRules].
var RuleFormats = []string{"text", "markdown", "json"}

// labels are the words the rule pages put around catalogue texts.
var labels = map[string]map[string]string{
	"en": {
		"severity":    "Severity",
		"since":       "Since",
		"default":     "Default",
		"on":          "on",
		"opt-in":      "opt-in",
		"targets":     "Targets",
		"tags":        "Tags",
		"remediation": "Remediation",
		"examples":    "Examples",
		"bad":         "Bad",
		"good":        "Good",
		"docs":        "Documentation",
		"deprecated":  "Deprecated: replaced by",
		"rule":        "Rule",
		"title":       "Title",
		"detector":    "Detector",
		"detectors":   "Detectors",
		"reserved":    "Reserved rule IDs",
		"page":        "secretlint rules",
		"other":       "日本語: [rules.ja.md](rules.ja.md)",
		"intro": "secretlint checks Go source and YAML configuration against the AWS " +
			"secrets guideline. This page lists its rules; it is generated from " +
			"`rules.yaml` by `secretlint rules -format markdown`, so edit that file, " +
			"not this one. Each rule's anchor is its ID, which `secretlint explain <id>` " +
			"and the SARIF output link to. A finding is suppressed, with a reason, by a " +
			"`secretlint:ignore <rule-id> <reason>` comment on its line or the line above.",
		"detectors-intro": "Detectors recognise known token formats in any string or comment; " +
			"each match is reported with the detector's title.",
		"reserved-intro": "These IDs belong to guideline rules that later versions implement; " +
			"they are never used for anything else.",
	},
	"ja": {
		"severity":    "重大度",
		"since":       "導入",
		"default":     "既定",
		"on":          "有効",
		"opt-in":      "オプトイン",
		"targets":     "対象",
		"tags":        "タグ",
		"remediation": "対処",
		"examples":    "例",
		"bad":         "悪い例",
		"good":        "良い例",
		"docs":        "ドキュメント",
		"deprecated":  "非推奨: 後継は",
		"rule":        "ルール",
		"title":       "タイトル",
		"detector":    "検出器",
		"detectors":   "検出器",
		"reserved":    "予約済みのルール ID",
		"page":        "secretlint のルール",
		"other":       "English: [rules.md](rules.md)",
		"intro": "secretlint は Go のソースと YAML の設定を AWS のシークレット管理ガイドラインに" +
			"照らして検査します。このページはそのルールの一覧で、`secretlint rules -format markdown` " +
			"が `rules.yaml` から生成しています。編集はこのファイルではなく `rules.yaml` に対して" +
			"行ってください。各ルールのアンカーはルール ID で、`secretlint explain <id>` と SARIF " +
			"出力がここにリンクします。指摘を抑制するには、その行か直前の行に理由付きで " +
			"`secretlint:ignore <rule-id> <理由>` コメントを書きます。",
		"detectors-intro": "検出器は、文字列やコメントに現れる既知のトークン形式を見つけます。" +
			"一致した箇所は検出器のタイトルとともに報告されます。",
		"reserved-intro": "これらの ID は今後のバージョンで実装するガイドラインのルールのために" +
			"予約されており、ほかの用途には使いません。",
	},
}

func label(lang, key string) string {
	if l, ok := labels[lang][key]; ok {
		return l
	}
	return labels["en"][key]
}

// WriteRules writes the catalogue's rules in format: "text" (a table of
// ID, severity, default and title), "json" (every field of every rule,
// texts in lang) or "markdown" (the docs/rules.md page).
func WriteRules(w io.Writer, cat *secretlint.Catalogue, format, lang string) error {
	if cat == nil {
		return fmt.Errorf("no rule catalogue")
	}
	lang, err := checkLang(lang)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	switch format {
	case "text":
		err = rulesText(bw, cat, lang)
	case "json":
		err = rulesJSON(bw, cat, lang)
	case "markdown":
		err = rulesMarkdown(bw, cat, lang)
	default:
		return fmt.Errorf("unknown rules format %q (want %s)", format, strings.Join(RuleFormats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func defaultWord(r *secretlint.Rule, lang string) string {
	if r.Default {
		return label(lang, "on")
	}
	return label(lang, "opt-in")
}

func rulesText(w *bufio.Writer, cat *secretlint.Catalogue, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tDEFAULT\tTITLE")
	for i := range cat.Rules {
		r := &cat.Rules[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, defaultWord(r, lang), r.Title.In(lang))
	}
	return tw.Flush()
}

type (
	jsonRule struct {
		ID               string       `json:"id"`
		Severity         string       `json:"severity"`
		Since            string       `json:"since"`
		Default          bool         `json:"default"`
		Targets          []string     `json:"targets"`
		Precedence       int          `json:"precedence"`
		Title            string       `json:"title"`
		Description      string       `json:"description"`
		Remediation      string       `json:"remediation"`
		Message          string       `json:"message"`
		Tags             []string     `json:"tags"`
		SecuritySeverity string       `json:"security_severity"`
		Examples         jsonExamples `json:"examples"`
		Deprecated       string       `json:"deprecated,omitempty"`
		HelpURI          string       `json:"help_uri"`
	}
	jsonExamples struct {
		Bad  []jsonExample `json:"bad"`
		Good []jsonExample `json:"good"`
	}
	jsonExample struct {
		Lang string `json:"lang"`
		Code string `json:"code"`
	}
)

func rulesJSON(w *bufio.Writer, cat *secretlint.Catalogue, lang string) error {
	out := make([]jsonRule, 0, len(cat.Rules))
	for i := range cat.Rules {
		r := &cat.Rules[i]
		out = append(out, jsonRule{
			ID:               r.ID,
			Severity:         string(r.Severity),
			Since:            r.Since,
			Default:          r.Default,
			Targets:          nonNil(r.Targets),
			Precedence:       r.Precedence,
			Title:            r.Title.In(lang),
			Description:      trimText(r.Description.In(lang)),
			Remediation:      trimText(r.Remediation.In(lang)),
			Message:          r.Message.In(lang),
			Tags:             nonNil(r.Tags),
			SecuritySeverity: r.SecuritySeverity,
			Examples:         jsonExamples{Bad: examples(r.Examples.Bad), Good: examples(r.Examples.Good)},
			Deprecated:       r.Deprecated,
			HelpURI:          cat.HelpURI(r.ID),
		})
	}
	return encodeJSON(w, out)
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func examples(es []secretlint.Example) []jsonExample {
	out := make([]jsonExample, 0, len(es))
	for _, e := range es {
		out = append(out, jsonExample{Lang: e.Lang, Code: e.Code})
	}
	return out
}

// trimText drops the blank lines and spaces a YAML block scalar leaves
// around a text.
func trimText(s string) string { return strings.TrimSpace(s) }

func rulesMarkdown(w *bufio.Writer, cat *secretlint.Catalogue, lang string) error {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("<!-- Code generated by \"secretlint rules -format markdown -lang %s\"; DO NOT EDIT. -->\n\n", lang)
	p("# %s\n\n", label(lang, "page"))
	p("%s\n\n", label(lang, "other"))
	p("%s\n\n", label(lang, "intro"))

	rulesTable(w, cat, lang, "")

	for i := range cat.Rules {
		r := &cat.Rules[i]
		p("\n<a id=\"%s\"></a>\n\n## %s\n\n", r.ID, r.ID)
		p("**%s**\n\n", r.Title.In(lang))
		if r.Deprecated != "" {
			p("%s [`%s`](#%s)\n\n", label(lang, "deprecated"), r.Deprecated, r.Deprecated)
		}
		p("- %s: %s\n", label(lang, "severity"), r.Severity)
		p("- %s: %s\n", label(lang, "since"), r.Since)
		p("- %s: %s\n", label(lang, "default"), defaultWord(r, lang))
		p("- %s: %s\n", label(lang, "targets"), targetNames(r.Targets))
		if len(r.Tags) > 0 {
			p("- %s: %s\n", label(lang, "tags"), markdownTags(r.Tags))
		}
		// Unwrapped: a line break inside Japanese text renders as a space.
		p("\n%s\n\n", unwrap(r.Description.In(lang)))
		p("### %s\n\n%s\n", label(lang, "remediation"), unwrap(r.Remediation.In(lang)))
		if len(r.Examples.Bad)+len(r.Examples.Good) > 0 {
			p("\n### %s\n", label(lang, "examples"))
			for _, ex := range []struct {
				key string
				es  []secretlint.Example
			}{{"bad", r.Examples.Bad}, {"good", r.Examples.Good}} {
				for _, e := range ex.es {
					p("\n%s (%s):\n\n%s", label(lang, ex.key), targetName(e.Lang), fence(e.Lang, e.Code))
				}
			}
		}
	}

	if len(cat.Detectors) > 0 {
		p("\n## %s\n\n%s\n\n", label(lang, "detectors"), label(lang, "detectors-intro"))
		p("| %s | %s |\n|---|---|\n", label(lang, "detector"), label(lang, "title"))
		for _, d := range cat.Detectors {
			p("| `%s` | %s |\n", d.ID, cell(d.Title))
		}
	}

	var reserved []string
	for _, id := range cat.Reserved {
		if cat.Rule(id) == nil {
			reserved = append(reserved, id)
		}
	}
	if len(reserved) > 0 {
		p("\n## %s\n\n%s\n\n", label(lang, "reserved"), label(lang, "reserved-intro"))
		for _, id := range reserved {
			p("- `%s`\n", id)
		}
	}
	return nil
}

// RulesTable writes the Markdown summary table of the rules, each ID linked
// to docsPage#id (the README embeds it with docsPage "docs/rules.md").
func RulesTable(w io.Writer, cat *secretlint.Catalogue, lang, docsPage string) error {
	bw := bufio.NewWriter(w)
	rulesTable(bw, cat, lang, docsPage)
	return bw.Flush()
}

func rulesTable(w *bufio.Writer, cat *secretlint.Catalogue, lang, docsPage string) {
	fmt.Fprintf(w, "| %s | %s | %s | %s |\n|---|---|---|---|\n", label(lang, "rule"), label(lang, "severity"), label(lang, "default"), label(lang, "title"))
	for i := range cat.Rules {
		r := &cat.Rules[i]
		fmt.Fprintf(w, "| [`%s`](%s#%s) | %s | %s | %s |\n", r.ID, docsPage, r.ID, r.Severity, defaultWord(r, lang), cell(r.Title.In(lang)))
	}
}

// cell escapes a text for a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

// fence puts code in a fenced block longer than any backtick run in it.
func fence(lang, code string) string {
	ticks := "```"
	for strings.Contains(code, ticks) {
		ticks += "`"
	}
	code = strings.TrimRight(code, "\n")
	return ticks + lang + "\n" + code + "\n" + ticks + "\n"
}

var targetNamesMap = map[string]string{"go": "Go", "yaml": "YAML"}

func targetName(t string) string {
	if n, ok := targetNamesMap[t]; ok {
		return n
	}
	return t
}

func targetNames(ts []string) string {
	names := make([]string, 0, len(ts))
	for _, t := range ts {
		names = append(names, targetName(t))
	}
	return strings.Join(names, ", ")
}

var cweNumber = regexp.MustCompile(`^(?i)cwe-([0-9]+)$`)

// markdownTags writes tags as code, linking CWE tags to their MITRE page.
func markdownTags(tags []string) string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		if m := cweNumber.FindStringSubmatch(t); m != nil {
			out = append(out, fmt.Sprintf("[CWE-%s](https://cwe.mitre.org/data/definitions/%s.html)", m[1], m[1]))
			continue
		}
		out = append(out, "`"+t+"`")
	}
	return strings.Join(out, ", ")
}

// knownRules lists the implemented rule IDs for error messages.
func knownRules(cat *secretlint.Catalogue) string {
	ids := make([]string, 0, len(cat.Rules))
	for _, r := range cat.Rules {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ", ")
}

// isReserved reports whether id is reserved but not implemented.
func isReserved(cat *secretlint.Catalogue, id string) bool {
	return slices.Contains(cat.Reserved, id) && cat.Rule(id) == nil
}
