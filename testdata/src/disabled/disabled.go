// Package disabled is the fixture of a configuration that disables
// hardcoded-credential.
package disabled

const dbPassword = "Vq7rT2xLm9" //secretlint:ignore hardcoded-credential not unused while the rule is off

const smtpPassword = "SRUkvcXgpv6bCS"

var accessKey = "AKIAUG6PYQVIUN2GEORC" // want `^hard-coded AWS access key ID in var accessKey$`
