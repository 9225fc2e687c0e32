package tfscan

import "testing"

func TestRegistrySource(t *testing.T) {
	for src, want := range map[string]string{
		"terraform-aws-modules/rds/aws":                                                   "terraform-aws-modules/rds/aws",
		"registry.terraform.io/terraform-aws-modules/rds/aws":                             "terraform-aws-modules/rds/aws",
		"registry.opentofu.org/terraform-aws-modules/rds-aurora/aws":                      "terraform-aws-modules/rds-aurora/aws",
		"git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.10.0": "terraform-aws-modules/rds/aws",
		"github.com/terraform-aws-modules/terraform-aws-rds-aurora?ref=v9.0.0":            "terraform-aws-modules/rds-aurora/aws",
		"git@github.com:terraform-aws-modules/terraform-aws-ssm-parameter.git":            "terraform-aws-modules/ssm-parameter/aws",
		"git::ssh://git@github.com/cloudposse/terraform-aws-rds.git?ref=1.1.0":            "cloudposse/rds/aws",
		"https://github.com/Terraform-AWS-Modules/terraform-aws-secrets-manager":          "terraform-aws-modules/secrets-manager/aws",
		"terraform-aws-modules/rds/aws//modules/db_instance":                              "",
		"git::https://github.com/terraform-aws-modules/terraform-aws-rds.git//modules/db": "",
		"app.terraform.io/acme/rds/aws":                                                   "",
		"./modules/rds":                                                                   "",
		"../rds":                                                                          "",
		"github.com/acme/infra":                                                           "",
		"s3::https://s3-eu-west-1.amazonaws.com/acme-modules/rds.zip":                     "",
		"bitbucket.org/acme/terraform-aws-rds":                                            "",
	} {
		if got := registrySource(src); got != want {
			t.Errorf("registrySource(%q) = %q, want %q", src, got, want)
		}
	}
}

// TestRegistryTable checks that every module of the table wraps a
// resource the engine knows how to judge.
func TestRegistryTable(t *testing.T) {
	s := testSettings(t)
	if len(s.Catalogue.TerraformModules) == 0 {
		t.Fatal("no terraform_modules in rules.yaml")
	}
	for _, m := range s.Catalogue.TerraformModules {
		_, db := dbAttrs[m.Wraps]
		if !db && m.Wraps != "aws_ssm_parameter" && m.Wraps != "aws_secretsmanager_secret" {
			t.Errorf("%s wraps %s, which no check reads", m.Source, m.Wraps)
		}
		if m.Wraps == "aws_secretsmanager_secret" && m.Rotation == "" {
			t.Errorf("%s: a secret module needs its rotation input", m.Source)
		}
	}
}
