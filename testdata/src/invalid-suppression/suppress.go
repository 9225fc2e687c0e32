// Package invalidsuppression is the fixture of the suppression directives
// and the invalid-suppression rule. All values are synthetic.
package invalidsuppression

// Suppressed, with a reason, on the line and on the line above.

const dbPassword = "Vq7rT2xLm9" //secretlint:ignore hardcoded-credential password of the local emulator

//secretlint:ignore hardcoded-credential synthetic value of the parser tests
const apiKey = "OS915JOUP8padFno9ij9ayt7"

//secretlint:ignore hardcoded-credential,hardcoded-token two rules, one directive
var accessKey = "AKIAUG6PYQVIUN2GEORC"

// The location's finding is the token; suppressing it hides the location.
var sessionKey = "AKIAORZGR5FZVNTIWXBN" // secretlint:ignore hardcoded-token key of a deleted IAM user

// Missing a reason: still suppresses, and is reported.

// want +2 `^secretlint:ignore of hardcoded-credential has no reason$`
//
//secretlint:ignore hardcoded-credential
const clientSecret = "JbwQJ7FhsdS6Ir2wG4sywKo2"

// Unused.

// want +2 `^secretlint:ignore of hardcoded-credential suppresses nothing$`
//
//secretlint:ignore hardcoded-credential nothing left to hide here
const region = "ap-northeast-1"

// A lower-precedence rule at a location another rule reports is unused too.

// want +2 `^secretlint:ignore of hardcoded-credential suppresses nothing$`
//
//secretlint:ignore hardcoded-credential the token rule reports this one
var awsAccessKey = "AKIA2ZXDQTGSPBGUOWXB" // want `^hard-coded AWS access key ID in var awsAccessKey$`

// Unknown rule and no rule.

// want +2 `^secretlint:ignore names unknown rule no-such-rule$`
//
//secretlint:ignore no-such-rule typo in the rule name
const sessionToken = "FaetDUJn227IFbPViC5Rtc7E" // want `^hard-coded token in const sessionToken$`

// want +1 `^secretlint:ignore names no rule$`
//secretlint:ignore

// nolint is golangci-lint's business, not the analyzer's.
const smtpPassword = "SRUkvcXgpv6bCS" //nolint:secretlint // want `^hard-coded password in const smtpPassword$`
