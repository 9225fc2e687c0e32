// Package prefix is the fixture of messages prefixed with the rule ID.
package prefix

const dbPassword = "Vq7rT2xLm9" // want `^hardcoded-credential: hard-coded DB password in const dbPassword$`

var accessKey = "AKIAUG6PYQVIUN2GEORC" // want `^hardcoded-token: hard-coded AWS access key ID in var accessKey$`

// want +2 `^invalid-suppression: secretlint:ignore of hardcoded-credential suppresses nothing$`
//
//secretlint:ignore hardcoded-credential nothing to hide
const region = "ap-northeast-1"
