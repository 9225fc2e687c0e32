// Package tfscan is the Terraform engine: it reads the *.tf files of a
// module directory (with its *.tfvars and the local child modules it
// calls), evaluates the expressions that reach credential attributes
// symbolically, and reports candidates through internal/pipeline like the
// YAML engine does.
//
// Evaluation is bounded and never guesses: every branch of a conditional,
// try, coalesce or nonsensitive counts, and what cannot be resolved (a
// variable without a value, a function the evaluator does not know, a
// resource attribute computed at apply time) is unknown, which is never a
// finding by itself.
package tfscan
