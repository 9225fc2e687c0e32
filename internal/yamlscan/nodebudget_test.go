package yamlscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// flowMapping is a one-line flow mapping of n pairs, with extra written
// after the first pair.
func flowMapping(n int, extra string) string {
	var b strings.Builder
	b.WriteString("{k0: v0, " + extra)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, ", k%d: v%d", i, i)
	}
	b.WriteString("}\n")
	return b.String()
}

// TestNodeBudget checks that a document past the node budget is checked
// as text with a problem at its first line, and that the documents
// around it in the same stream are parsed and keep their findings.
func TestNodeBudget(t *testing.T) {
	token := "ghp_" + "bT4nW8qZ2xK6vR1mY9cH3sL7dF5gJ0pA2eU4"
	src := "db:\n  password: Vq7rT2xLm9\n---\n" +
		flowMapping(maxDocNodes/3+1, "api_token: "+token) +
		"---\napi:\n  password: Wz8sU3yMn0q\n"
	start := time.Now()
	fs, ps := scan(t, src)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	if len(ps) != 1 || ps[0].Line != 3 || !strings.Contains(ps[0].Message, "checked as text only") {
		t.Errorf("problems %v, want one at line 3", ps)
	}
	tokenCol := strings.Index(src, token) - strings.Index(src, "{") + 1
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Rule))
		if f.Line == 4 && f.Column != tokenCol {
			t.Errorf("token at column %d", f.Column)
		}
	}
	want := []string{"2 " + ruleCredential, "4 " + ruleToken, "7 " + ruleCredential}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	for _, f := range fs {
		if f.Line == 7 && !strings.Contains(f.Message, "api.password") {
			t.Errorf("the document after the large one is not parsed: %s", f.Message)
		}
	}
}

// TestNodeBudgetUnderLimit checks that a large document within the
// budget is parsed as usual.
func TestNodeBudgetUnderLimit(t *testing.T) {
	src := flowMapping(maxDocNodes/8, "password: Vq7rT2xLm9")
	fs, ps := scan(t, src)
	if len(ps) != 0 || len(fs) != 1 || !strings.Contains(fs[0].Message, "at password") {
		t.Errorf("findings %v, problems %v", fs, ps)
	}
}

// TestNodeEstimateFromAbove checks that the estimate is never below the
// nodes yaml.v3 makes of the fixtures and of a few dense shapes.
func TestNodeEstimateFromAbove(t *testing.T) {
	files := fixtureFiles(t)
	for name, src := range map[string]string{
		"flow sequence": "[a,b,c,[d,e],{f: g}]",
		"json":          `{"a":1,"b":[true,null,"x"],"c":{"d":"e"}}`,
		"block":         "- a\n- - b\n  - c\n-\n  k: v\n  ? x\n  : y\n",
		"aliases":       "a: &a [x, y]\nb: [*a, *a, *a]\n",
		"tags":          "a: !Ref b\nc: !Sub [x, {y: z}]\n",
	} {
		files[name] = []byte(src)
	}
	for name, src := range files {
		dec := yaml.NewDecoder(bytes.NewReader(src))
		nodes := 0
		for {
			var doc yaml.Node
			err := dec.Decode(&doc)
			if errors.Is(err, io.EOF) || err != nil {
				break
			}
			nodes += countNodes(&doc)
		}
		if est := nodeEstimate(src); est < nodes {
			t.Errorf("%s: estimate %d, nodes %d", name, est, nodes)
		}
	}
}

func countNodes(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += countNodes(k)
	}
	return c
}
