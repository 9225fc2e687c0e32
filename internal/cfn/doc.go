// Package cfn is a model of CloudFormation and SAM templates for static
// checks: the sections of a template indexed by name, an evaluator of
// intrinsic functions, and a parser of dynamic references.
//
// Parse indexes a template (a yaml.Node tree, JSON or YAML, short or long
// intrinsic forms). Template.Eval returns the possible values of an
// expression as leaves: literal text, template parameters, Secrets
// Manager secrets, Parameter Store parameters, AWS::NoValue or unknown
// values, each with the scalar (and the part of its value) it is written
// in, so that checks can report at the right place. `Fn::If`,
// `Fn::FindInMap` and `Fn::Select` give every branch they may take.
// Evaluation runs within a work budget (Budget: depth, steps and values
// per evaluation, steps per file), so that cyclic, deeply nested or
// exponentially fanning templates cost little; the budget records the
// first expression that exceeded it.
//
// ParseDynRef parses the body of a `{{resolve:service:…}}` dynamic
// reference; Template.WalkDynRefs finds every dynamic reference written in
// a tree, in plain strings, `Fn::Sub` templates and `Fn::Join` lists.
//
// The package knows nothing of rules, settings or findings: it only reads
// templates.
package cfn
