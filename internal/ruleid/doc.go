// Package ruleid holds the rule IDs of rules.yaml as Go constants, generated
// so that no rule ID is spelled twice in code: go generate ./internal/ruleid.
package ruleid

//go:generate go run gen.go
