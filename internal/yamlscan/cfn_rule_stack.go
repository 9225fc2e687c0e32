package yamlscan

import (
	"path"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// stackRule checks the Parameters an AWS::CloudFormation::Stack passes to
// its nested stack: a literal credential (hardcoded-credential) and a DB
// credential resolved from Parameter Store with {{resolve:ssm:…}} or
// {{resolve:ssm-secure:…}} (db-credential-in-parameter-store). When the
// child template is among the scanned files (a TemplateURL that is a
// relative path, or a URL whose path ends with a scanned file's path),
// the child's use of the parameter decides, once every file is scanned;
// otherwise the parameter's name, or the Parameter Store name, does.
type stackRule struct{ noCollect }

const typeStack = "AWS::CloudFormation::Stack"

func (stackRule) check(st *cfnState) {
	for _, r := range st.t.Order {
		if r.Type != typeStack {
			continue
		}
		params := r.Prop("Parameters")
		if params == nil || params.Kind != yaml.MappingNode {
			continue
		}
		url, _ := st.t.Name(r.Prop("TemplateURL"))
		for i := 0; i+1 < len(params.Content); i += 2 {
			st.stackParam(r, url, params.Content[i].Value, params.Content[i+1])
		}
	}
}

// stackParam checks the value v a nested stack r gets for parameter k.
func (st *cfnState) stackParam(r *cfn.Resource, url, k string, v *yaml.Node) {
	rep, ok := st.r.(*fileScan)
	if !ok {
		return
	}
	name := rep.credName(k)
	c := stackCond{from: rep.rel, url: url, param: k, stack: r.ID, byName: paramUse{cred: name.Credential(), db: isDBName(name)}}
	path := "Resources." + r.ID + ".Properties.Parameters." + k
	for _, l := range st.t.Eval(v) {
		switch {
		case l.Source == cfn.SourceLiteral:
			if rep.skip(ruleCredential) {
				continue
			}
			// A name that says nothing is judged as the DB password the
			// child may take it for.
			judge := name
			if !judge.Credential() || c.byName.db {
				judge = rep.credName(kindIdent[kindDB])
			}
			if !rep.literalCredential(judge, l.Text) {
				continue
			}
			place := st.text("yaml_value_at_path", "path", path)
			lc := c
			lc.literal = true
			lc.db = rep.message(ruleCredential, "kind", judge.Kind.Title.In(rep.lang()), "place", place)
			lc.cred = lc.db
			if name.Credential() {
				lc.cred = rep.message(ruleCredential, "kind", name.Kind.Title.In(rep.lang()), "place", place)
			}
			rep.addCond(ruleCredential, l.Node, l.Start, l.End, true, lc.db, &lc)
		case l.Ref != nil && (l.Source == cfn.SourceSSM || l.Source == cfn.SourceSSMSecure):
			if rep.skip(ruleDBInPS) {
				continue
			}
			sc := c
			last := cfn.SSMName(l.Text)
			if j := strings.LastIndexByte(last, '/'); j >= 0 {
				last = last[j+1:]
			}
			sc.byName.db = sc.byName.db || isDBName(rep.credName(last))
			_, evidence := st.ssmEvidence(l, false)
			msg := func(subject string) string {
				return rep.messageAs(ruleDBInPS, "resolve", "subject", subject, "param", l.Text, "evidence", evidence)
			}
			sc.guess = msg(st.text("stack_param_subject", "param", k, "stack", r.ID))
			sc.found = func(child string) string {
				return msg(st.text("stack_param_used", "param", k, "stack", r.ID, "child", child))
			}
			rep.addCond(ruleDBInPS, l.Node, l.Start, l.End, false, sc.guess, &sc)
		}
	}
}

// stackCond is the condition of a finding on a nested stack's parameter.
type stackCond struct {
	from, url    string // the parent template and the child's TemplateURL
	param, stack string
	byName       paramUse // what the names say when the child is not scanned
	literal      bool
	// db and cred are the messages of a literal taken as a DB credential
	// and as another credential; guess and found those of a Parameter
	// Store value when the child is unknown or known.
	db, cred string
	guess    string
	found    func(child string) string
}

func (c *stackCond) holds(sc *Scanner) (string, bool) {
	child, uses := sc.stacks.child(c.from, c.url)
	if child == "" {
		switch {
		case c.literal && c.byName.db:
			return c.db, true
		case c.literal && c.byName.cred:
			return c.cred, true
		case !c.literal && c.byName.db:
			return c.guess, true
		}
		return "", false
	}
	u := uses[c.param]
	switch {
	case c.literal && u.db:
		return c.db, true
	case c.literal && u.cred:
		return c.cred, true
	case !c.literal && u.db:
		return c.found(child), true
	}
	return "", false
}

// stackState holds, by file, what the parameters of each scanned
// CloudFormation template feed, for the nested stacks that pass them.
type stackState struct {
	mu        sync.Mutex
	templates map[string]map[string]paramUse
}

// addTemplate records the parameter uses of the template of file rel.
func (s *stackState) addTemplate(rel string, fed map[*cfn.Param]*paramUse) {
	uses := make(map[string]paramUse, len(fed))
	for p, u := range fed {
		uses[p.Name] = *u
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.templates == nil {
		s.templates = map[string]map[string]paramUse{}
	}
	if old := s.templates[rel]; old != nil { // several documents
		for k, u := range old {
			uses[k] = paramUse{cred: u.cred || uses[k].cred, db: u.db || uses[k].db}
		}
	}
	s.templates[rel] = uses
}

// child returns the scanned template a nested stack of file from loads
// from url, and its parameter uses: a relative path from the parent's
// directory or from the root of the scan, or a URL whose path ends with
// the path of exactly one scanned template.
func (s *stackState) child(from, url string) (string, map[string]paramUse) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if url == "" {
		return "", nil
	}
	if !strings.Contains(url, "://") && !strings.HasPrefix(url, "/") {
		if strings.Contains(url, "${") {
			return "", nil
		}
		for _, p := range []string{path.Join(path.Dir(from), url), path.Clean(url)} {
			if u, ok := s.templates[p]; ok {
				return p, u
			}
		}
		return "", nil
	}
	_, rest, ok := strings.Cut(url, "://")
	if !ok {
		return "", nil
	}
	// The bucket and key of an S3 URL: match the longest tail of the key
	// with at least a directory and a file name.
	segs := strings.Split(rest, "/")
	for i := 1; i+2 <= len(segs); i++ {
		tail := strings.Join(segs[i:], "/")
		if strings.Contains(tail, "${") {
			continue // a part that cannot be resolved
		}
		found := ""
		for rel := range s.templates {
			if rel == tail || strings.HasSuffix(rel, "/"+tail) {
				if found != "" {
					found = "\x00"
					break
				}
				found = rel
			}
		}
		switch found {
		case "":
		case "\x00":
			return "", nil
		default:
			return found, s.templates[found]
		}
	}
	return "", nil
}

// reset forgets the templates of the scan.
func (s *stackState) reset() {
	s.mu.Lock()
	s.templates = nil
	s.mu.Unlock()
}
