package config

import (
	"strings"
	"testing"
)

// TestErrorsInFileWords: decoding errors name keys and kinds of values as
// the file has them, never Go types.
func TestErrorsInFileWords(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"disabel: [hardcoded-token]\n", `.secretlint.yaml:1: unknown key "disabel" at the top level (valid keys: lang, enable, disable,`},
		{"allow:\n  pathz: []\n", `.secretlint.yaml:2: unknown key "pathz" in allow (valid keys: paths, values)`},
		{"rules:\n- id: hardcoded-credential\n  severty: note\n", `unknown key "severty" in a rule (valid keys: id, enabled, severity, allow)`},
		{"rotation_max_days: soon\n", `.secretlint.yaml:1: "soon" where a whole number belongs`},
		{"enable: hardcoded-token\n", `.secretlint.yaml:1: "hardcod..." where a list of strings belongs`},
		{"rules: {id: x}\n", `a mapping where a list of rules belongs`},
	} {
		_, err := Parse(FileName, []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "config.") {
			t.Errorf("%q: error %v; want %q and no Go type", tc.src, err, tc.want)
		}
	}
}
