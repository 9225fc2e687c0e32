package config

import (
	"reflect"
	"regexp"
	"strings"
)

var (
	unknownField = regexp.MustCompile(`field (\S+) not found in type (\S+)`)
	cannotDecode = regexp.MustCompile("cannot unmarshal !!(\\w+)(?: `([^`]*)`)? into (\\S+)")
)

// sections name the Go types of the file by where they stand in it.
var sections = map[string]string{
	"config.File":       "at the top level",
	"config.plain":      "in a rule",
	"config.RuleConfig": "in a rule",
	"config.Allow":      "in allow",
}

// kinds name the Go types of values as the file's reader knows them.
var kinds = map[string]string{
	"string":              "a string",
	"[]string":            "a list of strings",
	"int":                 "a whole number",
	"bool":                "true or false",
	"[]config.RuleConfig": "a list of rules",
	"config.Allow":        "a mapping (paths, values)",
	"config.TestPolicy":   "include, exclude or note",
}

// yamlKinds name YAML node tags.
var yamlKinds = map[string]string{"map": "a mapping", "seq": "a list", "str": "a string", "int": "a number", "bool": "a boolean"}

// fileWords rewrites a YAML decoding error in the words of the
// configuration file: keys and kinds of values, never Go type names.
func fileWords(msg string) string {
	msg = unknownField.ReplaceAllStringFunc(msg, func(s string) string {
		m := unknownField.FindStringSubmatch(s)
		where := sections[m[2]]
		if where == "" {
			where = "here"
		}
		return `unknown key "` + m[1] + `" ` + where + validKeys(m[2])
	})
	return cannotDecode.ReplaceAllStringFunc(msg, func(s string) string {
		m := cannotDecode.FindStringSubmatch(s)
		want := kinds[m[3]]
		if want == "" {
			want = "another kind of value"
		}
		got := yamlKinds[m[1]]
		if got == "" {
			got = "a value"
		}
		if m[2] != "" {
			got = `"` + m[2] + `"`
		}
		return got + " where " + want + " belongs"
	})
}

// validKeys lists the keys a section takes.
func validKeys(goType string) string {
	var keys []string
	switch goType {
	case "config.File":
		keys = yamlKeys(File{})
	case "config.plain", "config.RuleConfig":
		keys = yamlKeys(RuleConfig{})
	case "config.Allow":
		keys = yamlKeys(Allow{})
	}
	if len(keys) == 0 {
		return ""
	}
	return " (valid keys: " + strings.Join(keys, ", ") + ")"
}

// yamlKeys returns the yaml keys of a struct's fields, in order.
func yamlKeys(v any) []string {
	var keys []string
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}
