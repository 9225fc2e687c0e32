package analyzer

import (
	"strings"

	"github.com/awsguard/secretlint/internal/directive"
)

// parseDirective returns the secretlint directive in the raw text of a Go
// comment: `//secretlint:ignore <id>[,<id>] <reason>` or
// `//secretlint:file-ignore …`, with or without a space after the marker,
// or the same inside a /* */ comment. //nolint comments are not read here:
// golangci-lint honours them itself, and honouring them twice would make
// nolintlint call them unused.
func parseDirective(text string) (directive.Directive, bool) {
	if !strings.Contains(text, "secretlint:") {
		return directive.Directive{}, false
	}
	switch {
	case strings.HasPrefix(text, "//"):
		text = text[2:]
	case strings.HasPrefix(text, "/*"):
		text = strings.TrimSuffix(text[2:], "*/")
	}
	return directive.Parse(text)
}
