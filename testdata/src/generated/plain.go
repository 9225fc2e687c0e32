// Package generated is the fixture of generated files.
package generated

const smtpPassword = "SRUkvcXgpv6bCS" // want `^hard-coded password in const smtpPassword$`
