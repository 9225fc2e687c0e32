package storeflow

import (
	"strings"
	"testing"
)

func TestWalkFormat(t *testing.T) {
	t.Parallel()
	for format, want := range map[string]string{
		"/%s/prd/db/password": "/<0>/prd/db/password",
		"cla-rds-password-%s": "cla-rds-password-<0>",
		"%d%% of %-10v":       "<0>% of <1>",
		"plain":               "plain",
		"trailing %":          "trailing ",
	} {
		var b strings.Builder
		walkFormat(format, func(lit string) { b.WriteString(lit) }, func(arg int) {
			b.WriteString("<" + string(rune('0'+arg)) + ">")
		})
		if b.String() != want {
			t.Errorf("walkFormat(%q) = %q, want %q", format, b.String(), want)
		}
	}
}
