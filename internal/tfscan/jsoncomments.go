package tfscan

import (
	"github.com/awsguard/secretlint/internal/directive"
)

// jsonComments records the suppression directives of a Terraform JSON
// file and looks for tokens in its comments. A directive is written as
// the "//" key of an object ("//": "secretlint:ignore <rule-id> <reason>")
// and covers that object: a resource, the map of a resource type, a
// nested block or the whole file.
func (sc *Scanner) jsonComments(st *fileState, cs []jsonComment) {
	f := st.f
	for _, c := range cs {
		line, col := f.pos(c.start)
		if d, ok := directive.Parse(c.text); ok {
			first, _ := f.pos(c.objStart)
			last, _ := f.pos(max(c.objStart, c.objEnd-1))
			d.Line, d.Column, d.Start, d.EndLine = line, col, first, last
			st.dirs.Add(d)
			if el, ec := f.pos(c.end); el == line {
				if st.ends == nil {
					st.ends = map[int]int{}
				}
				st.ends[line] = ec
			}
		}
		if !sc.m.MayHaveTokens(c.text) {
			continue
		}
		// The comment's text is the JSON string: offsets within it are
		// exact only when it has no escapes.
		exact := c.end-c.start == len(c.text)+2 && string(f.src[c.start+1:c.end-1]) == c.text
		for _, tk := range sc.m.Tokens(c.text) {
			start, end := c.start, -1
			if exact {
				start, end = c.start+1+tk.Start, c.start+1+tk.End
			}
			sc.add(f, tk.Rule, start, end, sc.s.Message(tk.Rule, "detector", tk.Title, "place", sc.s.Phrase("tf_comment")))
		}
	}
}
