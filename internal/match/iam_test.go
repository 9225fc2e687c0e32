package match

import "testing"

func TestSecretReadAction(t *testing.T) {
	for _, a := range []string{"secretsmanager:GetSecretValue", "secretsmanager:Get*", "secretsmanager:*", "ssm:GetParameter*", "ssm:*", "*", " kms:Decrypt "} {
		if !SecretReadAction(a) {
			t.Errorf("%q does not read secrets", a)
		}
	}
	for _, a := range []string{"secretsmanager:DescribeSecret", "secretsmanager:List*", "ssm:PutParameter", "s3:GetObject", "kms:Encrypt", ""} {
		if SecretReadAction(a) {
			t.Errorf("%q reads secrets", a)
		}
	}
}
