package yamlscan

import (
	"bytes"
	"strings"
)

// Helm chart templates are YAML only once rendered: `{{- if … }}` lines
// and `{{ .Values.x }}` values make the raw text invalid or misleading.
// They are scanned tolerantly instead: every template action is replaced,
// in place and at the same length, so that positions stay those of the
// file. An action alone on its lines becomes spaces; an action inside a
// line becomes `${…}` of its identifier characters, a reference that no
// check takes for a literal. Template expressions are never findings.

// isHelmTemplate reports whether a file is a chart template: under a
// templates directory, with template actions. CloudFormation templates
// live in templates directories too: their dynamic references
// ({{resolve:…}}) are not template actions.
func isHelmTemplate(rel string, src []byte) bool {
	return inTemplatesDir(rel) && len(helmActions(src)) > 0
}

// inTemplatesDir reports whether a slash path lies under a templates
// directory.
func inTemplatesDir(rel string) bool {
	return strings.Contains("/"+strings.ToLower(rel), "/templates/")
}

// helmTolerant returns src with the template actions of a chart template
// replaced, or src itself for any other file.
func helmTolerant(rel string, src []byte) []byte {
	if !inTemplatesDir(rel) {
		return src
	}
	acts := helmActions(src)
	if len(acts) == 0 {
		return src
	}
	out := bytes.Clone(src)
	inAct := make([]bool, len(src))
	for _, a := range acts {
		for i := a.start; i < a.end; i++ {
			inAct[i] = true
		}
	}
	for _, a := range acts {
		if bytes.IndexByte(src[a.start:a.end], '\n') >= 0 || aloneOnLine(src, inAct, a) || blockAction(src, a) {
			blank(out[a.start:a.end])
			continue
		}
		inlineAction(out[a.start:a.end], src[a.start+2:a.end-2])
	}
	return out
}

// helmActions returns the spans of the `{{ … }}` actions of src.
func helmActions(src []byte) []span {
	var out []span
	for i := 0; i+1 < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		s := i + j
		k := bytes.Index(src[s+2:], []byte("}}"))
		if k < 0 {
			break
		}
		e := s + 2 + k + 2
		if !bytes.HasPrefix(src[s:], []byte("{{resolve:")) {
			out = append(out, span{start: s, end: e})
		}
		i = e
	}
	return out
}

// aloneOnLine reports whether every non-space byte of the line of action
// a belongs to an action.
func aloneOnLine(src []byte, inAct []bool, a span) bool {
	ls := bytes.LastIndexByte(src[:a.start], '\n') + 1
	le := len(src)
	if n := bytes.IndexByte(src[a.end:], '\n'); n >= 0 {
		le = a.end + n
	}
	for i := ls; i < le; i++ {
		if !inAct[i] && src[i] != ' ' && src[i] != '\t' && src[i] != '\r' {
			return false
		}
	}
	return true
}

// blockAction reports whether action a writes a block rather than a
// scalar: `labels: {{- include "x" . | nindent 4 }}` ends its line and
// renders to indented lines of its own, often followed by more lines of
// the same mapping. As `${…}` it would make `labels` a scalar with
// children, which is invalid; blanked, `labels:` keeps its children.
func blockAction(src []byte, a span) bool {
	rest := src[a.end:]
	if n := bytes.IndexByte(rest, '\n'); n >= 0 {
		rest = rest[:n]
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return false
	}
	for _, w := range bytes.Fields(src[a.start+2 : a.end-2]) {
		if string(w) == "nindent" || string(w) == "indent" || string(w) == "toYaml" {
			return true
		}
	}
	return false
}

// blank replaces every byte but newlines with a space.
func blank(b []byte) {
	for i := range b {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}

// inlineAction writes `${…}` into dst (as long as the action): the
// identifier characters of the action's text inner, spaces for the rest.
func inlineAction(dst, inner []byte) {
	blank(dst)
	dst[0], dst[1], dst[len(dst)-1] = '$', '{', '}'
	n := 2
	for _, c := range inner {
		if n >= len(dst)-1 {
			break
		}
		if isKeyByte(c, true) && c != '-' {
			dst[n] = c
		}
		n++
	}
}
