package yamlscan

import (
	"bytes"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// Rule IDs of the CloudFormation, SAM and ECS checks.
const (
	ruleDBInPS       = ruleid.DBCredentialInParameterStore
	ruleSecretInPS   = ruleid.SecretInParameterStore
	rulePlainParam   = ruleid.PlaintextSecretParameter
	ruleNotManaged   = ruleid.DBCredentialNotManaged
	ruleNoEcho       = ruleid.SecretParameterWithoutNoecho
	ruleRotation     = ruleid.SecretRotationMissing
	ruleUnrotated    = ruleid.UnrotatedSecretInSecretsManager
	ruleExposed      = ruleid.SecretExposedInPlaintext
	ruleVersionPin   = ruleid.RotationBreakingVersionPin
	ruleBroadAccess  = ruleid.BroadSecretAccess
	rulePublicPolicy = ruleid.PublicSecretPolicy
	ruleCustomerKey  = ruleid.SecretWithoutCustomerKMSKey
	ruleHierarchy    = ruleid.ParameterNameNotHierarchical
)

// Resource types the checks read.
const (
	typeSecret       = cfn.TypeSecret
	typeRotation     = "AWS::SecretsManager::RotationSchedule"
	typeTargetAttach = cfn.TypeTargetAttachment
	typeResPolicy    = "AWS::SecretsManager::ResourcePolicy"
	typeSSMParameter = cfn.TypeSSMParameter
	typeTaskDef      = "AWS::ECS::TaskDefinition"
	typeLambda       = "AWS::Lambda::Function"
	typeSAMFunction  = "AWS::Serverless::Function"
)

// cfnRule is one CloudFormation check. collect learns what the checks of
// other rules need (the secrets credentials use, the secrets schedules
// rotate, the parameters that feed credentials); check reports. Every
// rule collects before any rule checks.
type cfnRule interface {
	collect(st *cfnState)
	check(st *cfnState)
}

// templateRules returns the rules of a template. Rules report in this
// order, which decides only which of two findings of one rule ID at one
// place is kept (the first): rules reporting the same ID are listed in
// the order of the properties they read (resources, then secrets, then
// parameters, then dynamic references).
func templateRules() []cfnRule {
	return []cfnRule{
		&credRule{},
		&rotationRule{},
		&ssmParamRule{},
		&publicPolicyRule{},
		&broadAccessRule{},
		&customerKeyRule{},
		&exposureRule{},
		&secretRule{},
		&noEchoRule{},
		&hierarchyRule{},
		&versionPinRule{},
		&codeBuildRule{},
		&stackRule{},
	}
}

// runCFN runs rules on the state: collect over all, then check over all.
func runCFN(st *cfnState, rules []cfnRule) {
	for _, r := range rules {
		r.collect(st)
	}
	for _, r := range rules {
		r.check(st)
	}
}

// cfnDocument runs the CloudFormation checks on a template.
func (f *fileScan) cfnDocument(doc *yaml.Node) {
	t := cfn.Parse(doc)
	if t == nil {
		return
	}
	t.Budget = f.evalBudget()
	// Without "resolve:" anywhere the file has no dynamic reference.
	t.NoDynRefs = !bytes.Contains(f.src.src, []byte("resolve:"))
	f.metaSuppressions(t)
	st := newCFNState(t, f, templateSites(t))
	runCFN(st, templateRules())
	f.sc.stacks.addTemplate(f.rel, st.fed)
}

// evalBudget returns the work budget of the file's evaluations.
func (f *fileScan) evalBudget() *cfn.Budget {
	if f.budget == nil {
		f.budget = &cfn.Budget{}
	}
	return f.budget
}

// budgetProblem reports, at the first expression that ran out of it, that
// the file's evaluations exceeded their work budget: the values past it
// are checked only in part.
func (f *fileScan) budgetProblem() {
	if !f.budget.Exceeded() {
		return
	}
	n := f.budget.Over
	p := finding.Problem{File: f.rel, Message: "CloudFormation intrinsic functions need more work than the budget allows (" +
		f.budget.Reason + "): evaluation stopped here, values past it are checked only in part"}
	if n.Line > 0 {
		p.Line, p.Column = f.src.pos(f.src.offset(n.Line, n.Column))
	}
	f.problems = append(f.problems, p)
}

// cfnState is what the rules of one template share: the model, where
// they report, the places credentials are given, and what collect learns.
type cfnState struct {
	t     *cfn.Template
	r     cfnReporter
	sites []credSite

	// dbSecrets are the logical IDs of secrets holding DB credentials;
	// usedSecrets those any credential uses.
	dbSecrets   map[string]bool
	usedSecrets map[string]bool
	// rotated are the logical IDs of secrets a rotation schedule names.
	rotated map[string]bool
	// fed says which parameters feed credentials, and DB credentials.
	fed map[*cfn.Param]*paramUse
	// defaults are the parameters whose default a credential use judged.
	defaults map[*cfn.Param]bool
	// refs are the dynamic references of the template, once walked.
	refs     []cfn.RefSite
	refsDone bool
}

// dynRefs returns the dynamic references of the template, in document
// order, walking the template once for every rule that reads them.
func (st *cfnState) dynRefs() []cfn.RefSite {
	if !st.refsDone {
		st.refsDone = true
		st.t.WalkDynRefs(st.t.Root, func(s cfn.RefSite) { st.refs = append(st.refs, s) })
	}
	return st.refs
}

// paramUse is what the uses of a parameter say of it.
type paramUse struct {
	cred bool // it feeds a credential
	db   bool // it feeds a DB credential
}

func newCFNState(t *cfn.Template, r cfnReporter, sites []credSite) *cfnState {
	return &cfnState{
		t:           t,
		r:           r,
		sites:       sites,
		dbSecrets:   map[string]bool{},
		usedSecrets: map[string]bool{},
		rotated:     map[string]bool{},
		fed:         map[*cfn.Param]*paramUse{},
		defaults:    map[*cfn.Param]bool{},
	}
}

// use returns what is known of the uses of parameter p.
func (st *cfnState) use(p *cfn.Param) paramUse {
	if u := st.fed[p]; u != nil {
		return *u
	}
	return paramUse{}
}

// feed records that p feeds a credential (a DB credential when db).
func (st *cfnState) feed(p *cfn.Param, db bool) {
	u := st.fed[p]
	if u == nil {
		u = &paramUse{}
		st.fed[p] = u
	}
	u.cred = true
	u.db = u.db || db
}

// useSecret records that a credential is taken from a secret.
func (st *cfnState) useSecret(l cfn.Leaf, db bool) {
	id := l.Secret
	if id == "" && l.Text != "" {
		id = st.t.SecretByName(l.Text)
	}
	if id == "" {
		return
	}
	st.usedSecrets[id] = true
	if db {
		st.dbSecrets[id] = true
	}
}

// ja reports whether messages are in Japanese.

// noCollect is embedded by the rules that only check.
type noCollect struct{}

func (noCollect) collect(*cfnState) {}
