package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// The Serverless Framework's variables: `${ssm:/path}` in all its forms
// (`${ssm(region):…}`, `${ssm(raw):…}`, the legacy `~true`, fallbacks after
// a comma) and the `${self:…}`, `${opt:stage, 'prd'}` and `${sls:stage}`
// that build names.

// slsRef is one `${ssm…}` variable in a scalar.
type slsRef struct {
	start, end int    // the variable's range in the scalar's value
	written    string // the name as written
	name       string // the name with the variables it holds resolved
	resolved   bool   // name holds no unresolved variable
}

// slsVars resolves variables against a serverless.yml.
type slsVars struct {
	root *yaml.Node
}

// maxVarDepth bounds the variables followed through other variables.
const maxVarDepth = 8

// ssmRefs returns the `${ssm…}` variables of v.
func (sv *slsVars) ssmRefs(v string) []slsRef {
	var out []slsRef
	for off := 0; off < len(v); {
		i := strings.Index(v[off:], "${ssm")
		if i < 0 {
			break
		}
		start := off + i
		end := closeVar(v, start)
		if end < 0 {
			break
		}
		off = end
		body := v[start+len("${ssm") : end-1]
		if strings.HasPrefix(body, "(") {
			j := strings.IndexByte(body, ')')
			if j < 0 {
				continue
			}
			body = body[j+1:]
		}
		body, ok := strings.CutPrefix(body, ":")
		if !ok {
			continue
		}
		written := strings.TrimSpace(splitTop(body)[0])
		written = unquote(written)
		for _, suf := range []string{"~true", "~false", "~split"} {
			written = strings.TrimSuffix(written, suf)
		}
		if written == "" {
			continue
		}
		name, resolved := sv.expand(written, 0)
		out = append(out, slsRef{start: start, end: end, written: written, name: name, resolved: resolved})
	}
	return out
}

// closeVar returns the offset just past the `}` closing the variable that
// starts at v[start] (`${`), or -1.
func closeVar(v string, start int) int {
	depth := 0
	for i := start; i < len(v); i++ {
		switch {
		case v[i] == '$' && i+1 < len(v) && v[i+1] == '{':
			depth++
			i++
		case v[i] == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// splitTop splits s at the commas outside nested variables.
func splitTop(s string) []string {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[last:i])
				last = i + 1
			}
		}
	}
	return append(out, s[last:])
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// expand resolves the variables in s; resolved is false when one could
// not be, and is then kept as written.
func (sv *slsVars) expand(s string, depth int) (string, bool) {
	if !strings.Contains(s, "${") {
		return s, true
	}
	var b strings.Builder
	resolved := true
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], "${")
		if i < 0 {
			b.WriteString(s[off:])
			break
		}
		start := off + i
		b.WriteString(s[off:start])
		end := closeVar(s, start)
		if end < 0 {
			b.WriteString(s[start:])
			resolved = false
			break
		}
		if v, ok := sv.variable(s[start+2:end-1], depth+1); ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[start:end])
			resolved = false
		}
		off = end
	}
	return b.String(), resolved
}

// variable resolves the body of one variable: its sources in order, the
// first that resolves wins.
func (sv *slsVars) variable(body string, depth int) (string, bool) {
	if depth > maxVarDepth {
		return "", false
	}
	for _, src := range splitTop(body) {
		src = strings.TrimSpace(src)
		switch {
		case len(src) >= 2 && (src[0] == '\'' || src[0] == '"'):
			return unquote(src), true
		case strings.HasPrefix(src, "self:"):
			n := sv.self(strings.TrimPrefix(src, "self:"))
			if n != nil && n.Kind == yaml.ScalarNode {
				if v, ok := sv.expand(n.Value, depth); ok {
					return v, true
				}
			}
		case src == "sls:stage":
			// `opt:` sources come from the command line: unknown here.
			if v, ok := sv.stage(depth); ok {
				return v, true
			}
		case strings.HasPrefix(src, "${"):
			if v, ok := sv.expand(src, depth); ok {
				return v, true
			}
		}
	}
	return "", false
}

// stage returns the stage a deployment without `--stage` uses.
func (sv *slsVars) stage(depth int) (string, bool) {
	if n := getPath(sv.root, "provider", "stage"); n != nil && n.Kind == yaml.ScalarNode {
		return sv.expand(n.Value, depth)
	}
	return "dev", true
}

// self returns the node a `${self:a.b.c}` path names.
func (sv *slsVars) self(p string) *yaml.Node {
	p = strings.TrimSpace(p)
	if p == "" {
		return sv.root
	}
	return getPath(sv.root, strings.Split(p, ".")...)
}

// selfTarget returns the scalar a value of exactly `${self:…}` names,
// following chains of such values, or nil.
func (sv *slsVars) selfTarget(v string) *yaml.Node {
	var n *yaml.Node
	for range maxVarDepth {
		v = strings.TrimSpace(v)
		if !strings.HasPrefix(v, "${self:") || closeVar(v, 0) != len(v) {
			return n
		}
		n = sv.self(v[len("${self:") : len(v)-1])
		if n == nil || n.Kind != yaml.ScalarNode {
			return nil
		}
		v = n.Value
	}
	return n
}
