package storeflow

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/awsguard/secretlint"
)

// verdict is what a parameter name says.
type verdict struct {
	rule    string
	kind    *secretlint.Kind
	secret  bool // a secret kind (for plaintext and secret-logged)
	silent  bool // not a secret, or a reference to one
	unknown bool // the name does not tell
}

func isDBKind(k *secretlint.Kind) bool { return k != nil && strings.HasPrefix(k.ID, "db-") }

// judge classifies a parameter name.
func (sa *storeAnalysis) judge(n nameTmpl, path bool) verdict {
	text := n.text()
	if strings.HasPrefix(text, "/aws/reference/secretsmanager/") {
		return verdict{silent: true}
	}
	if !n.known() {
		return verdict{unknown: true}
	}
	cn := sa.classify(text)
	if path && cn.Kind == nil {
		// A path under which a password would be a DB password.
		if c2 := sa.classify(strings.TrimRight(text, "/…") + "/password"); isDBKind(c2.Kind) {
			cn = c2
		}
	}
	switch {
	case cn.Kind == nil:
		return verdict{unknown: true}
	case !cn.Kind.Secret || cn.Reference:
		return verdict{silent: true}
	case isDBKind(cn.Kind):
		return verdict{rule: ruleDBParam, kind: cn.Kind, secret: true}
	case cn.Kind.Store == secretlint.StoreSecretsManager || cn.Kind.Rotation == "required":
		return verdict{rule: ruleSecretParam, kind: cn.Kind, secret: true}
	}
	return verdict{kind: cn.Kind, secret: true}
}

// dbKind returns the catalogue's DB credential kind, for values that are
// DB credentials by where they go.
func (sa *storeAnalysis) dbKind() *secretlint.Kind {
	for i := range sa.s.Catalogue.Kinds {
		if k := &sa.s.Catalogue.Kinds[i]; isDBKind(k) {
			return k
		}
	}
	return nil
}

// judged is an origin on its way through process: the events its value
// reaches and what the judgement of its names found.
type judged struct {
	o        *origin
	events   []event
	returned bool
	// srcName is the name the value is reported under.
	srcName nameTmpl
	// reported is set when a store rule reported the read here; secret
	// when the value is a secret.
	reported, secret bool
}

// process judges an origin, records its findings and completes the
// function's summary.
func (sa *storeAnalysis) process(fn *ssa.Function, o *origin, sum *storeFact) {
	j := sa.follow(o)
	switch {
	case o.store == storeSM:
		j.secret = true
	case o.op == opWrite:
		sa.write(o, j.srcName)
		return
	case o.helper != nil && o.helper.Source.Reported:
		j.secret = o.helper.Source.Secret
	default:
		sa.read(j)
		sa.plaintextRead(j)
	}
	if j.secret {
		sa.logged(j)
	}
	fetch := j.fetch()
	if fetch != "" {
		sa.uncached(fn, o.call, fetch)
	}
	if j.returned {
		sa.source(fn, j, fetch, sum)
	}
}

// follow walks an origin's values to the events they reach.
func (sa *storeAnalysis) follow(o *origin) *judged {
	j := &judged{o: o}
	for _, v := range o.starts {
		j.events = append(j.events, sa.walk(v, o.start)...)
	}
	for _, e := range j.events {
		j.returned = j.returned || e.kind == evReturn
	}
	if len(o.names) > 0 {
		j.srcName = o.names[0]
	}
	return j
}

// dbEvent returns the first DB sink that puts the value of name i in a
// credential's place.
func (j *judged) dbEvent(i int) *sinkInfo {
	for _, e := range j.events {
		if e.kind == evDB && e.password && (e.idx < 0 || e.idx == i || len(j.o.names) == 1) {
			return e.sink
		}
	}
	if h := j.o.helper; h != nil && h.Source != nil && h.Source.DB != nil && h.Source.DB.Password {
		return h.Source.DB
	}
	return nil
}

// write judges a PutParameter: a secret written to Parameter Store, and a
// secret written as plain text.
func (sa *storeAnalysis) write(o *origin, name nameTmpl) {
	v := sa.judge(name, false)
	if v.unknown && sa.dsnWithPassword(o.value) {
		// A connection string with a password is a DB credential
		// whatever its name says.
		if k := sa.dbKind(); k != nil {
			v = verdict{rule: ruleDBParam, kind: k, secret: true}
		}
	}
	if v.silent || v.unknown {
		return
	}
	title := v.kind.Title.In(sa.s.Lang)
	if v.rule != "" {
		sa.report(v.rule, o.call.Pos(), sa.s.MessageAs(v.rule, "write", "subject", title, "param", name.quoted(), "evidence", ""))
	}
	if o.ptype != "SecureString" {
		typ := o.ptype
		if typ == "" || typ == "…" {
			typ = "String"
		}
		sa.report(rulePlaintext, o.call.Pos(), sa.s.Message(rulePlaintext, "subject", title, "param", name.quoted(), "type", typ))
	}
}

// read judges a Parameter Store read, directly or through a helper that
// takes the name: by its name when the name tells, else by the DB sink
// its value reaches.
func (sa *storeAnalysis) read(j *judged) {
	if !sa.readByName(j) {
		sa.readBySink(j)
	}
}

// readByName reports a read whose name tells a secret that belongs in
// Secrets Manager. The known part of the name tells: the read is reported
// here, even when a caller completes the name.
func (sa *storeAnalysis) readByName(j *judged) bool {
	o := j.o
	var tell *verdict
	tellIdx := -1
	for i, n := range o.names {
		v := sa.judge(n, o.path)
		if v.rule != "" && (tell == nil || v.rule == ruleDBParam && tell.rule != ruleDBParam) {
			vv := v
			tell, tellIdx = &vv, i
		}
		if v.secret || v.unknown && o.decrypt {
			j.secret = true
		}
	}
	if tell == nil {
		return false
	}
	n := o.names[tellIdx]
	sa.report(tell.rule, o.call.Pos(), sa.s.MessageAs(tell.rule, "", "subject", tell.kind.Title.In(sa.s.Lang),
		"param", n.quoted(), "evidence", sa.evidence(j.dbEvent(tellIdx))))
	j.reported = true
	j.srcName = n
	return true
}

// readBySink reports a read whose name does not tell but whose value
// reaches a DB sink in a credential's place.
func (sa *storeAnalysis) readBySink(j *judged) {
	o := j.o
	for i, n := range o.names {
		v := sa.judge(n, o.path)
		if !v.unknown {
			continue
		}
		ev := j.dbEvent(i)
		if ev == nil {
			continue
		}
		j.srcName = n
		if n.param() >= 0 && j.returned {
			return // the caller names the parameter and gets the value: judged there
		}
		k := sa.dbKind()
		if k == nil {
			return
		}
		sa.report(ruleDBParam, o.call.Pos(), sa.s.MessageAs(ruleDBParam, "", "subject", k.Title.In(sa.s.Lang),
			"param", n.quoted(), "evidence", sa.evidence(ev)))
		j.reported, j.secret = true, true
		return
	}
}

// logged reports the log sinks a secret reaches (secret-logged).
func (sa *storeAnalysis) logged(j *judged) {
	variant := ""
	if j.o.store == storeSSM {
		variant = "parameter"
	}
	for _, e := range j.events {
		if e.kind != evLog {
			continue
		}
		pos := e.pos
		if !sa.inPackage(pos) {
			pos = e.hop
		}
		sink := e.sink.Desc
		if e.sink.Where != "" && pos == e.hop && e.hop != e.pos {
			sink += " in " + e.sink.Where
		}
		sa.report(ruleLogged, pos, sa.s.MessageAs(ruleLogged, variant, "param", j.srcName.quoted(), "sink", sink))
	}
}

// fetch returns the quoted name of the secret the origin fetches from its
// store without a cache, or "".
func (j *judged) fetch() string {
	switch {
	case !j.secret || j.o.cached:
		return ""
	case j.o.helper != nil:
		return j.o.helper.Fetch
	}
	return j.srcName.quoted()
}

// source completes the function's summary with the store value it
// returns.
func (sa *storeAnalysis) source(fn *ssa.Function, j *judged, fetch string, sum *storeFact) {
	o := j.o
	src := &sourceInfo{Store: int(o.store), Name: j.srcName, Path: o.path, Decrypt: o.decrypt,
		Reported: j.reported || o.helper != nil && o.helper.Source.Reported, Secret: j.secret, DB: j.dbEvent(0)}
	if o.helper != nil && o.helper.NameParam >= 0 && j.srcName.param() < 0 {
		src.Reported = j.reported
	}
	sum.Source = src
	if p := j.srcName.param(); p >= 0 {
		sum.NameParam = p
	}
	if fetch != "" && !sa.inLoopOrHandler(fn, o.call) {
		sum.Fetch = fetch
	}
}

// evidence renders the {evidence} of a message: where the value goes.
func (sa *storeAnalysis) evidence(s *sinkInfo) string {
	if s == nil {
		return ""
	}
	where := s.Where
	if where == "" && s.pos.IsValid() {
		where = sa.where(s.pos)
	}
	return sa.s.Phrase("go_evidence_reaches", "sink", s.Desc, "where", where)
}

// plaintextRead reports a secret read with WithDecryption: false whose
// value is used as a DB credential: a SecureString would arrive
// encrypted, so the parameter is a plain String.
func (sa *storeAnalysis) plaintextRead(j *judged) {
	o := j.o
	if !o.plain || o.store != storeSSM || !j.secret && !j.reported {
		return
	}
	for i, n := range o.names {
		if j.dbEvent(i) == nil {
			continue
		}
		title := ""
		if v := sa.judge(n, o.path); v.kind != nil {
			title = v.kind.Title.In(sa.s.Lang)
		} else if k := sa.dbKind(); k != nil {
			title = k.Title.In(sa.s.Lang)
		}
		sa.report(rulePlaintext, o.call.Pos(), sa.s.MessageAs(rulePlaintext, "read", "subject", title, "param", n.quoted(), "type", "String"))
		// The placement finding at the same call says something else.
		if last := len(sa.out) - 1; last >= 0 && sa.out[last].rule == rulePlaintext {
			sa.out[last].independent = true
		}
		return
	}
}

// dsnWithPassword reports whether a value written is a connection string
// with a password, literal or not.
func (sa *storeAnalysis) dsnWithPassword(v nameTmpl) bool {
	if len(v) == 0 {
		return false
	}
	var b strings.Builder
	for _, p := range v {
		if p.Hole || p.Param >= 0 {
			b.WriteString(markText)
		} else {
			b.WriteString(p.Lit)
		}
	}
	for _, c := range sa.s.Matcher.ConnStrings(b.String()) {
		if c.Password != "" {
			return true
		}
	}
	return false
}
