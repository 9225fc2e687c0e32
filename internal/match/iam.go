package match

import (
	"path"
	"strings"
)

// secretReadActions are the IAM actions that read secrets or decrypt them.
var secretReadActions = []string{
	"secretsmanager:getsecretvalue",
	"ssm:getparameter",
	"ssm:getparameters",
	"ssm:getparametersbypath",
	"ssm:getparameterhistory",
	"kms:decrypt",
}

// SecretReadAction reports whether an IAM action pattern of a policy
// statement ("secretsmanager:Get*", "ssm:*", "*") covers reading a secret.
func SecretReadAction(pattern string) bool {
	pattern = strings.ToLower(strings.TrimSpace(pattern))
	for _, s := range secretReadActions {
		if ok, _ := path.Match(pattern, s); ok {
			return true
		}
	}
	return false
}
