package yamlscan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/finding"
)

// rulesOf returns "line:rule" for each finding.
func rulesOf(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%s", f.Line, f.Rule))
	}
	return out
}

// TestCustomerKey checks the opt-in rule: off by default, and when on, a
// secret without a key, with an AWS-managed key, and a managed master
// password without a key are reported; a customer key is not.
func TestCustomerKey(t *testing.T) {
	src := `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  NoKey:
    Type: AWS::SecretsManager::Secret
    Properties: {GenerateSecretString: {}}
  AWSKey:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: alias/aws/secretsmanager
  CMK:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Ref Key
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      ManageMasterUserPassword: true
  DbCMK:
    Type: AWS::RDS::DBInstance
    Properties:
      ManageMasterUserPassword: true
      MasterUserSecret: {KmsKeyId: !Ref Key}
`
	s := testSettings(t)
	fs, _ := New(s).Scan("t.yaml", []byte(src))
	for _, f := range fs {
		if f.Rule == ruleCustomerKey {
			t.Errorf("opt-in rule reported by default: %v", f)
		}
	}
	s.Rules[ruleCustomerKey] = true
	fs, _ = New(s).Scan("t.yaml", []byte(src))
	var got []string
	for _, f := range fs {
		if f.Rule == ruleCustomerKey {
			got = append(got, fmt.Sprintf("%d %s", f.Line, f.Message))
		}
	}
	want := []string{
		"3 NoKey encrypts its secret with the AWS-managed key, not a customer-managed KMS key",
		"9 AWSKey encrypts its secret with AWS-managed key alias/aws/secretsmanager, not a customer-managed KMS key",
		"17 Db encrypts its secret with the AWS-managed key, not a customer-managed KMS key",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCFNSettings checks the two settings of the CloudFormation checks:
// the rotation maximum and the parameter hierarchy.
func TestCFNSettings(t *testing.T) {
	src := `Resources:
  S:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: prd/shop/db
      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
      RotationRules: {AutomaticallyAfterDays: 45}
  P:
    Type: AWS::SSM::Parameter
    Properties: {Name: /shop/prd/LOG_LEVEL, Type: String, Value: INFO}
`
	s := testSettings(t)
	fs, _ := New(s).Scan("t.yaml", []byte(src))
	if got := strings.Join(rulesOf(fs), " "); got != "10:"+ruleHierarchy {
		t.Errorf("defaults: %s", got)
	}
	s.RotationMaxDays = 30
	s.ParameterHierarchy = "/{app}/{env}/{KEY}"
	fs, _ = New(s).Scan("t.yaml", []byte(src))
	if got := strings.Join(rulesOf(fs), " "); got != "7:"+ruleRotation {
		t.Errorf("max 30 days, 3-level hierarchy: %s", got)
	}
	if len(fs) == 1 && !strings.Contains(fs[0].Message, "maximum of 30") {
		t.Errorf("message: %s", fs[0].Message)
	}
}

// TestCrossTemplateConcurrent scans templates concurrently: the secret
// of one is rotated by a schedule in another, whichever is scanned first.
func TestCrossTemplateConcurrent(t *testing.T) {
	secret := func(i int) string {
		return fmt.Sprintf(`Resources:
  Db%d:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: '{{resolve:secretsmanager:prd/shop/db%d:SecretString:password}}'
  Secret%d:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: prd/shop/db%d
      GenerateSecretString: {SecretStringTemplate: '{"username": "a"}', GenerateStringKey: password}
`, i, i, i, i)
	}
	schedule := func(i int) string {
		return fmt.Sprintf(`Resources:
  R:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: prd/shop/db%d
      RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
      RotationRules: {AutomaticallyAfterDays: 30}
`, i)
	}
	sc := New(testSettings(t))
	var wg sync.WaitGroup
	const n = 20
	for i := range n {
		wg.Go(func() {
			if fs, _ := sc.Scan(fmt.Sprintf("secret%d.yaml", i), []byte(secret(i))); len(fs) != 0 {
				t.Errorf("secret%d: %v", i, fs)
			}
		})
		if i%2 == 0 { // odd secrets have no schedule
			wg.Go(func() { sc.Scan(fmt.Sprintf("schedule%d.yaml", i), []byte(schedule(i))) })
		}
	}
	wg.Wait()
	fs, _ := sc.Finish()
	if len(fs) != n/2 {
		t.Fatalf("got %d findings, want %d: %v", len(fs), n/2, fs)
	}
	for _, f := range fs {
		var i int
		if _, err := fmt.Sscanf(f.File, "secret%d.yaml", &i); err != nil || i%2 == 0 || f.Rule != ruleRotation || f.Line != 6 {
			t.Errorf("unexpected finding %v", f)
		}
	}
	// Finish resets the state.
	if fs, _ := sc.Finish(); len(fs) != 0 {
		t.Errorf("second Finish: %v", fs)
	}
}

func TestCFNJapanese(t *testing.T) {
	s := testSettings(t)
	s.Lang = "ja"
	fs, _ := New(s).Scan("t.yaml", []byte("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: '{{resolve:ssm-secure:/shop/prd/db/PASSWORD}}'\n"))
	want := "Db の MasterUserPasswordを Parameter Store のパラメータ /shop/prd/db/PASSWORD から解決している（ssm-secure の動的参照、SecureString）。DB 認証情報はローテーション付きで Secrets Manager に保管する"
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("ja: %v", fs)
	}
}

// TestTrailingCommas checks that JSON with trailing commas is scanned at
// the right positions, and that commas in strings are left alone.
func TestTrailingCommas(t *testing.T) {
	src := []byte("{\"a\": [1, 2, ],\n \"b\": {\"c\": \"x, ]\", },\n}\n")
	got := blankTrailingCommas(src)
	want := "{\"a\": [1, 2  ],\n \"b\": {\"c\": \"x, ]\"  },\n}\n"
	if string(got) != strings.Replace(want, ",\n}", " \n}", 1) {
		t.Errorf("got %q", got)
	}
	if string(src) == string(got) {
		t.Error("the input was not copied")
	}
	clean := []byte(`{"a": [1, 2]}`)
	if out := blankTrailingCommas(clean); &out[0] != &clean[0] {
		t.Error("a clean input was copied")
	}
}

// cfnCorpus generates n CloudFormation templates of every shape the
// checks read, YAML and JSON.
func cfnCorpus(n int) map[string][]byte {
	out := map[string][]byte{}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "AWSTemplateFormatVersion: '2010-09-09'\nTransform: [AWS::Serverless-2016-10-31, AWS::SecretsManager-2020-07-23]\nParameters:\n  Env: {Type: String}\n  DBPassword{0}: {Type: String, NoEcho: true}\nConditions:\n  IsProd: !Equals [!Ref Env, prd]\nResources:\n")
		for j := range 12 {
			fmt.Fprintf(&b, `  Db%[1]d:
    Type: AWS::RDS::DBCluster
    Metadata: {aws:cdk:path: Stack/Db%[1]d/Resource}
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      MasterUserPassword: !If [IsProd, !Sub '{{resolve:secretsmanager:${Secret%[1]d}:SecretString:password}}', !Ref DBPassword{0}]
      Tags: [{Key: team, Value: shop}]
  Secret%[1]d:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: !Sub prd/shop/db%[1]d-${Env}
      GenerateSecretString: {SecretStringTemplate: '{"username": "admin"}', GenerateStringKey: password}
  Rotation%[1]d:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Secret%[1]d
      HostedRotationLambda: {RotationType: PostgreSQLSingleUser}
      RotationRules: {ScheduleExpression: rate(30 days)}
  Fn%[1]d:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Environment:
        Variables:
          DB_SECRET_ARN: !Ref Secret%[1]d
          LOG_LEVEL: '{{resolve:ssm:/shop/prd/api/LOG_LEVEL}}'
      Policies:
      - Statement: [{Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: !Ref Secret%[1]d}]
  Param%[1]d:
    Type: AWS::SSM::Parameter
    Properties: {Name: !Sub '/shop/${Env}/api/HOST_%[1]d', Type: String, Value: api.internal}
`, j)
		}
		out[fmt.Sprintf("stack%d.yaml", i)] = []byte(strings.ReplaceAll(b.String(), "{0}", fmt.Sprint(i)))
		if i%4 == 0 {
			var doc yaml.Node
			if yaml.Unmarshal([]byte(b.String()), &doc) == nil {
				var v any
				if doc.Decode(&v) == nil {
					if js, err := jsonMarshal(v); err == nil {
						out[fmt.Sprintf("stack%d.json", i)] = js
					}
				}
			}
		}
	}
	return out
}

// BenchmarkScanCloudFormation scans a few hundred generated templates;
// compare with BenchmarkBareParseCloudFormation on the same bytes.
func BenchmarkScanCloudFormation(b *testing.B) {
	files := cfnCorpus(300)
	sc := New(testSettings(b))
	benchBytes(b, files)
	for b.Loop() {
		for name, src := range files {
			sc.Scan(name, src)
		}
		sc.Finish()
	}
}

// BenchmarkBareParseCloudFormation decodes the same templates and does
// nothing else.
func BenchmarkBareParseCloudFormation(b *testing.B) {
	files := cfnCorpus(300)
	benchBytes(b, files)
	for b.Loop() {
		bareParse(b, files)
	}
}

// TestCFNCorpusClean checks that the benchmark's templates, written to the
// guideline, have no findings but the hierarchy notes of their `!Sub`
// names (none: they follow it) — so the benchmark measures clean scans.
func TestCFNCorpusClean(t *testing.T) {
	dir := t.TempDir()
	sc := New(testSettings(t))
	for name, src := range cfnCorpus(8) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, src, 0o600); err != nil {
			t.Fatal(err)
		}
		fs, ps := sc.ScanFile(p, name)
		if len(ps) != 0 {
			t.Errorf("%s: problems %v", name, ps)
		}
		for _, f := range fs {
			if f.Rule != ruleNotManaged {
				t.Errorf("%s: %d:%d %s [%s]", name, f.Line, f.Column, f.Message, f.Rule)
			}
		}
	}
	if fs, _ := sc.Finish(); len(fs) != 0 {
		t.Errorf("Finish: %v", fs)
	}
}

func jsonMarshal(v any) ([]byte, error) { return json.MarshalIndent(v, "", " ") }
