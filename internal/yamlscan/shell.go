package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// Shell steps (GitHub Actions `run:`, buildspec `commands`) that use
// Parameter Store through the AWS CLI:
//
//   - `aws ssm get-parameter --name`, `get-parameters --names` and
//     `get-parameters-by-path --path … --with-decryption` of a secret give
//     the store rule (db-credential-in-parameter-store for DB credentials,
//     secret-in-parameter-store for other secrets);
//   - `aws ssm put-parameter --name` of a secret gives the store rule, and
//     plaintext-secret-parameter at `--type String`;
//   - every literal name is checked against the hierarchy.

// shellWord is a word of a shell command and its range in the script.
type shellWord struct {
	text       string
	start, end int
}

// shellSteps checks the `aws ssm` commands of a script held by scalar n.
func (f *fileScan) shellSteps(n *yaml.Node) {
	if !literal(n) || !strings.Contains(n.Value, "ssm") {
		return
	}
	st := f.appState(n)
	script := n.Value
	for off := 0; off < len(script); {
		i := strings.Index(script[off:], "aws")
		if i < 0 {
			return
		}
		start := off + i
		off = start + 3
		if start > 0 && !shellBoundary(script[start-1]) {
			continue
		}
		words := shellWords(script, start)
		if len(words) < 3 || words[0].text != "aws" {
			continue
		}
		cmd, opts := ssmCommand(words[1:])
		if cmd == "" {
			continue
		}
		f.ssmCommand(st, n, cmd, opts)
		off = words[len(words)-1].end
	}
}

func shellBoundary(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '`' || c == ';' || c == '|' || c == '&' || c == '"' || c == '\''
}

// ssmCommand returns the `ssm` subcommand of the words after `aws` and
// its options by name (values in order), or "".
func ssmCommand(words []shellWord) (string, map[string][]shellWord) {
	// Global options may come before the service: aws --region x ssm …
	i := 0
	for i < len(words) && strings.HasPrefix(words[i].text, "--") {
		i += 2
	}
	if i+1 >= len(words) || words[i].text != "ssm" {
		return "", nil
	}
	cmd := words[i+1].text
	opts := map[string][]shellWord{}
	last := ""
	for _, w := range words[i+2:] {
		name, value, eq := strings.Cut(w.text, "=")
		switch {
		case strings.HasPrefix(w.text, "--") && eq:
			last = ""
			off := w.start + len(name) + 1
			opts[name] = append(opts[name], shellWord{value, off, w.end})
		case strings.HasPrefix(w.text, "--"):
			last = w.text
			opts[last] = opts[last][:len(opts[last]):len(opts[last])]
		case last != "":
			opts[last] = append(opts[last], w)
			if last != "--names" {
				last = ""
			}
		}
	}
	return cmd, opts
}

// shellWords returns the words of the command starting at script[start],
// up to the end of the command (an unquoted newline not escaped, `;`, `|`,
// `&`, `)` or a backquote). Quotes are removed from words; a word's
// range is its text without quotes when it is quoted whole.
func shellWords(script string, start int) []shellWord {
	var out []shellWord
	var cur strings.Builder
	ws, quoted := -1, byte(0)
	flush := func(end int) {
		if ws >= 0 {
			s, e := ws, end
			if e-s >= 2 && (script[s] == '"' || script[s] == '\'') && script[e-1] == script[s] {
				s, e = s+1, e-1
			}
			out = append(out, shellWord{cur.String(), s, e})
		}
		cur.Reset()
		ws = -1
	}
	for i := start; i < len(script); i++ {
		c := script[i]
		switch {
		case quoted != 0:
			if c == quoted {
				quoted = 0
			} else {
				cur.WriteByte(c)
			}
			continue
		case c == '\\' && i+1 < len(script) && script[i+1] == '\n':
			flush(i)
			i++
			continue
		case c == '"' || c == '\'':
			if ws < 0 {
				ws = i
			}
			quoted = c
			continue
		case c == ' ' || c == '\t':
			flush(i)
			continue
		case c == '\n' || c == ';' || c == '|' || c == '&' || c == ')' || c == '`':
			flush(i)
			return out
		}
		if ws < 0 {
			ws = i
		}
		cur.WriteByte(c)
	}
	flush(len(script))
	return out
}

// ssmCommand checks one `aws ssm` command of script n.
func (f *fileScan) ssmCommand(st *cfnState, n *yaml.Node, cmd string, opts map[string][]shellWord) {
	evidence := f.s.Phrase("shell_ssm_command", "command", cmd)
	switch cmd {
	case "get-parameter", "get-parameters":
		for _, w := range append(opts["--name"], opts["--names"]...) {
			f.shellName(st, n, w)
			if kind, ok := f.storeKind(match.Name{}, w.text); ok {
				f.storeAt(kind, n, w.start, w.end, "", "", w.text, evidence)
			}
		}
	case "get-parameters-by-path":
		for _, w := range opts["--path"] {
			_, decrypt := opts["--with-decryption"]
			kind, ok := f.storeKind(match.Name{}, w.text)
			if !ok && decrypt {
				// Decrypting a tree of DB settings reads its password too.
				kind = f.ident(strings.TrimSuffix(w.text, "/") + "/" + kindIdent[kindPassword]).name
				ok = isDBName(kind)
			}
			if ok {
				f.storeAt(kind, n, w.start, w.end, "", "", w.text, evidence)
			}
		}
	case "put-parameter":
		for _, w := range opts["--name"] {
			f.shellName(st, n, w)
			kind, ok := f.storeKind(match.Name{}, w.text)
			if !ok {
				continue
			}
			f.storeAt(kind, n, w.start, w.end, "write", "", w.text, evidence)
			for _, t := range opts["--type"] {
				if t.text == "String" && !f.skip(rulePlainParam) {
					msg := f.s.Message(rulePlainParam, "subject", kind.Kind.Title.In(f.s.Lang), "param", w.text, "type", t.text)
					f.addNode(rulePlainParam, n, t.start, t.end, false, msg)
				}
			}
		}
	}
}

// shellName checks a literal parameter name of a command against the
// hierarchy; names built from variables are not judged.
func (f *fileScan) shellName(st *cfnState, n *yaml.Node, w shellWord) {
	if w.text == "" || strings.ContainsAny(w.text, "$`{") {
		return
	}
	st.hierarchyAt(cfn.SSMName(w.text), n, w.start, w.end)
}
