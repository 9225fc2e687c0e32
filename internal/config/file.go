package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/match"
)

// FileName is the name of the configuration file searched for.
const FileName = ".secretlint.yaml"

// File is the content of a .secretlint.yaml file.
type File struct {
	// Lang is en or ja.
	Lang string `yaml:"lang"`
	// Enable and Disable switch rules on and off (opt-in rules need Enable).
	Enable  []string `yaml:"enable"`
	Disable []string `yaml:"disable"`
	// Rules configure single rules.
	Rules []RuleConfig `yaml:"rules"`
	// Allow applies to every rule.
	Allow Allow `yaml:"allow"`
	// Exclude are globs of paths never scanned.
	Exclude []string `yaml:"exclude"`
	// Tests is the test-file policy: note (the default), include or
	// exclude.
	Tests TestPolicy `yaml:"tests"`
	// Kinds add credential kinds or words of existing kinds.
	Kinds []secretlint.Kind `yaml:"kinds"`
	// Detectors add token formats.
	Detectors []secretlint.Detector `yaml:"detectors"`
	// MaxFileSize is the largest YAML/JSON file parsed, in bytes or with a
	// KiB/MiB suffix.
	MaxFileSize string `yaml:"max_file_size"`
	// Generated includes generated Go files.
	Generated bool `yaml:"generated"`
	// RotationMaxDays is the longest rotation interval a Secrets Manager
	// rotation schedule may have (default 90).
	RotationMaxDays int `yaml:"rotation_max_days"`
	// ParameterHierarchy is the shape of Parameter Store names, such as
	// /{system}/{env}/{app}/{KEY} (the default).
	ParameterHierarchy string `yaml:"parameter_hierarchy"`

	path string
	root *yaml.Node
}

// RuleConfig configures one rule.
type RuleConfig struct {
	ID       string              `yaml:"id"`
	Enabled  *bool               `yaml:"enabled"`
	Severity secretlint.Severity `yaml:"severity"`
	Allow    Allow               `yaml:"allow"`
	line     int
}

// UnmarshalYAML records the rule entry's line for error messages.
func (r *RuleConfig) UnmarshalYAML(n *yaml.Node) error {
	type plain RuleConfig
	var p plain
	if err := decodeStrict(n, &p); err != nil {
		return err
	}
	*r = RuleConfig(p)
	r.line = n.Line
	return nil
}

// Allow lists what is never reported.
type Allow struct {
	// Paths are globs of files.
	Paths []string `yaml:"paths"`
	// Values are regexes of values.
	Values []string `yaml:"values"`
}

func decodeStrict(n *yaml.Node, v any) error {
	// yaml.v3 has no per-node KnownFields; re-encode and decode strictly.
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(n); err != nil {
		return err
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s", fileWords(shiftLines(err.Error(), n.Line-1)))
	}
	return nil
}

var lineRef = regexp.MustCompile(`line (\d+)`)

// shiftLines rewrites "line N" in a decode error of a re-encoded node to the
// line in the original file.
func shiftLines(msg string, by int) string {
	return lineRef.ReplaceAllStringFunc(msg, func(s string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
		return "line " + strconv.Itoa(n+by)
	})
}

// Error is a configuration error at a position of a file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Read parses a configuration file. Unknown keys and bad values are errors
// with file:line.
func Read(name string) (*File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Parse(name, src)
}

// Parse parses configuration source; name is used in errors.
func Parse(name string, src []byte) (*File, error) {
	f := &File{path: name}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, &Error{File: name, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 {
		return f, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
		msg = fileWords(strings.TrimSpace(msg))
		if m := lineRef.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			msg = strings.TrimPrefix(strings.TrimPrefix(msg, m[0]), ": ")
			return nil, &Error{File: name, Line: n, Msg: msg}
		}
		return nil, &Error{File: name, Msg: msg}
	}
	f.root = &root
	return f, nil
}

// lineOf returns the line of the value of a top-level key, or 0.
func (f *File) lineOf(key string) int {
	if f.root == nil || len(f.root.Content) == 0 {
		return 0
	}
	m := f.root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1].Line
		}
	}
	return 0
}

// Find looks for .secretlint.yaml in dir and its parents, stopping at the
// repository root (a directory holding .git). It returns "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LangFromEnv returns "ja" when LC_ALL, LC_MESSAGES or LANG (the first one
// set) starts with ja, else "en".
func LangFromEnv() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "ja") {
				return "ja"
			}
			return "en"
		}
	}
	return "en"
}

// Settings combines the file with the catalogue. lang, when not empty,
// overrides the file's language (the -lang flag).
func (f *File) Settings(cat *secretlint.Catalogue, lang string) (*Settings, error) {
	name := f.path
	if name == "" {
		name = FileName
	}
	b := &builder{f: f, cat: cat, name: name}
	s := &Settings{Source: f.path}
	s.Texts = b.texts(lang)
	s.Policy = b.policy()
	opts := b.matchOptions()
	s.Engine = b.engine()
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	m, err := match.New(cat, opts)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	s.Matcher = m
	return s, nil
}

// builder turns a File into Settings, collecting every error with its line.
type builder struct {
	f    *File
	cat  *secretlint.Catalogue
	name string
	errs []error
}

func (b *builder) bad(line int, format string, args ...any) {
	b.errs = append(b.errs, &Error{File: b.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// checkID reports whether id is an implemented rule, and an error when not.
func (b *builder) checkID(id string, line int) bool {
	if b.cat.Rule(id) != nil {
		return true
	}
	if slices.Contains(b.cat.Reserved, id) {
		b.bad(line, "rule %q is not implemented in this version", id)
	} else {
		b.bad(line, "unknown rule %q", id)
	}
	return false
}

func (b *builder) texts(lang string) Texts {
	t := Texts{Catalogue: b.cat}
	switch {
	case lang != "":
		t.Lang = lang
	case b.f.Lang != "":
		t.Lang = b.f.Lang
	default:
		t.Lang = LangFromEnv()
	}
	if !slices.Contains(secretlint.Languages, t.Lang) {
		b.bad(b.f.lineOf("lang"), "lang %q is not one of %s", t.Lang, strings.Join(secretlint.Languages, ", "))
	}
	return t
}

func (b *builder) policy() Policy {
	f := b.f
	p := Policy{
		Rules:          map[string]bool{},
		Severity:       map[string]secretlint.Severity{},
		Tests:          TestsNote,
		RuleAllowPaths: map[string][]string{},
		AllowPaths:     f.Allow.Paths,
		Exclude:        f.Exclude,
	}
	p.cwd, _ = os.Getwd()
	if f.path != "" {
		p.Root, _ = filepath.Abs(filepath.Dir(f.path))
	} else {
		p.Root = p.cwd
	}
	for _, r := range b.cat.Rules {
		p.Rules[r.ID] = r.Default && r.Deprecated == ""
		p.Severity[r.ID] = r.Severity
	}
	for _, l := range []struct {
		ids []string
		key string
		on  bool
	}{{f.Enable, "enable", true}, {f.Disable, "disable", false}} {
		for _, id := range l.ids {
			if b.checkID(id, f.lineOf(l.key)) {
				p.Rules[id] = l.on
			}
		}
	}
	for _, rc := range f.Rules {
		if !b.checkID(rc.ID, rc.line) {
			continue
		}
		if rc.Enabled != nil {
			p.Rules[rc.ID] = *rc.Enabled
		}
		if rc.Severity != "" {
			if !rc.Severity.Valid() {
				b.bad(rc.line, "rule %s: severity %q is not error, warning or note", rc.ID, rc.Severity)
			} else {
				p.Severity[rc.ID] = rc.Severity
			}
		}
		p.RuleAllowPaths[rc.ID] = rc.Allow.Paths
	}
	switch f.Tests {
	case "":
	case TestsInclude, TestsExclude, TestsNote:
		p.Tests = f.Tests
	default:
		b.bad(f.lineOf("tests"), "tests %q is not include, exclude or note", f.Tests)
	}
	return p
}

// matchOptions checks the allowlisted values, kinds and detectors the file
// adds to the catalogue's.
func (b *builder) matchOptions() match.Options {
	f := b.f
	opts := match.Options{RuleAllowValues: map[string][]string{}}
	checkRegexes := func(line int, res []string) {
		for _, r := range res {
			if _, err := regexp.Compile(r); err != nil {
				b.bad(line, "allow value %q: %v", r, err)
			}
		}
	}
	for _, rc := range f.Rules {
		if b.cat.Rule(rc.ID) == nil {
			continue // reported by policy
		}
		checkRegexes(rc.line, rc.Allow.Values)
		opts.RuleAllowValues[rc.ID] = rc.Allow.Values
	}
	checkRegexes(f.lineOf("allow"), f.Allow.Values)
	opts.AllowValues = f.Allow.Values
	for _, k := range f.Kinds {
		if k.ID == "" || len(k.Words) == 0 {
			b.bad(f.lineOf("kinds"), "a kind needs an id and words")
			continue
		}
		if b.cat.Kind(k.ID) == nil {
			if k.Store == "" {
				k.Store = secretlint.StoreSecretsManager
			}
			if k.Title.EN == "" {
				k.Title.EN = strings.ReplaceAll(k.ID, "-", " ")
			}
			k.Secret = k.Store != secretlint.StoreNone
		}
		opts.Kinds = append(opts.Kinds, k)
	}
	for _, d := range f.Detectors {
		if d.ID == "" || d.Regex == "" || len(d.Keywords) == 0 {
			b.bad(f.lineOf("detectors"), "a detector needs an id, keywords and a regex")
			continue
		}
		if _, err := regexp.Compile(d.Regex); err != nil {
			b.bad(f.lineOf("detectors"), "detector %s: %v", d.ID, err)
			continue
		}
		if d.Title == "" {
			d.Title = d.ID
		}
		opts.Detectors = append(opts.Detectors, d)
	}
	return opts
}

func (b *builder) engine() Engine {
	f := b.f
	e := Engine{
		MaxFileSize:        DefaultMaxFileSize,
		Generated:          f.Generated,
		RotationMaxDays:    DefaultRotationMaxDays,
		ParameterHierarchy: DefaultParameterHierarchy,
	}
	if f.MaxFileSize != "" {
		n, err := parseSize(f.MaxFileSize)
		if err != nil {
			b.bad(f.lineOf("max_file_size"), "max_file_size: %v", err)
		}
		e.MaxFileSize = n
	}
	if f.RotationMaxDays != 0 {
		if f.RotationMaxDays < 1 || f.RotationMaxDays > MaxRotationDays {
			b.bad(f.lineOf("rotation_max_days"), "rotation_max_days %d is not between 1 and %d", f.RotationMaxDays, MaxRotationDays)
		}
		e.RotationMaxDays = f.RotationMaxDays
	}
	if f.ParameterHierarchy != "" {
		if _, err := HierarchyRegexp(f.ParameterHierarchy); err != nil {
			b.bad(f.lineOf("parameter_hierarchy"), "parameter_hierarchy: %v", err)
		}
		e.ParameterHierarchy = f.ParameterHierarchy
	}
	return e
}

func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for suf, m := range map[string]int64{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "KB": 1000, "MB": 1000 * 1000} {
		if strings.HasSuffix(t, suf) {
			mult, t = m, strings.TrimSpace(strings.TrimSuffix(t, suf))
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a positive size such as 4194304 or 4MiB", s)
	}
	return n * mult, nil
}

// Load returns the settings for a run in dir: from the file given (-config),
// else from the nearest .secretlint.yaml, else the defaults.
func Load(configFile, dir, lang string) (*Settings, error) {
	cat, err := secretlint.Load()
	if err != nil {
		return nil, err
	}
	if configFile == "" {
		configFile = Find(dir)
	}
	f := &File{}
	if configFile != "" {
		if f, err = Read(configFile); err != nil {
			return nil, err
		}
	}
	return f.Settings(cat, lang)
}
