// Package testpolicy is the fixture of the test-file policy.
package testpolicy

const dbPassword = "Vq7rT2xLm9" // want `^hard-coded DB password in const dbPassword$`
