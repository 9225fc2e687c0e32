package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCrossTemplateRotation checks that the CLI reports a DB secret with
// no rotation schedule only after every template is scanned: the schedule
// of one secret lives in another directory, the other has none.
func TestCrossTemplateRotation(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("db/stack.yaml", `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Rotated:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: prd/shop/db
      GenerateSecretString: {SecretStringTemplate: '{"username": "app"}', GenerateStringKey: password}
  Unrotated:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: prd/shop/replica
      GenerateSecretString: {SecretStringTemplate: '{"username": "app"}', GenerateStringKey: password}
`)
	write("rotation/stack.json", `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"R": {
  "Type": "AWS::SecretsManager::RotationSchedule",
  "Properties": {"SecretId": "prd/shop/db", "RotationLambdaARN": "arn:aws:lambda:eu-west-1:111122223333:function:rotate",
    "RotationRules": {"AutomaticallyAfterDays": 30}}}}}
`)
	code, out, stderr := runIn(t, dir, "-format", "json")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	r := decode(t, out)
	if len(r.Findings) != 1 || r.Findings[0].Rule != "secret-rotation-missing" || r.Findings[0].File != "db/stack.yaml" || r.Findings[0].Line != 8 {
		t.Errorf("findings = %+v, want secret-rotation-missing at db/stack.yaml:8", r.Findings)
	}
}
