package secretlint

import (
	"fmt"
	"regexp"
	"slices"
)

// TerraformModule describes a well-known registry module by the inputs
// that carry a credential or decide where it is kept, so that a call of
// the module is judged like the resource it wraps. The Terraform engine
// reads the table; nothing about a module is repeated in Go.
type TerraformModule struct {
	// Source is the registry address namespace/name/provider; the
	// github.com forms of the same module (namespace/terraform-provider-name)
	// match it too.
	Source string `yaml:"source"`
	// Wraps is the resource type the module creates:
	// aws_db_instance, aws_rds_cluster, aws_ssm_parameter or
	// aws_secretsmanager_secret.
	Wraps string `yaml:"wraps"`
	// Credentials are the inputs that take a database password.
	Credentials []string `yaml:"credentials"`
	// ManagedBy is the bool input that lets the service manage the
	// password instead.
	ManagedBy string `yaml:"managed_by"`
	// Name is the input that names the parameter or secret.
	Name string `yaml:"name"`
	// Values are the inputs that hold the parameter's or secret's value.
	Values []string `yaml:"values"`
	// Type is the input that sets the parameter type; Secure the bool
	// input that makes it a SecureString. Without either the parameter
	// is a String.
	Type   string `yaml:"type"`
	Secure string `yaml:"secure"`
	// Rotation is the bool input that turns rotation on.
	Rotation string `yaml:"rotation"`
}

// TerraformModuleWraps are the resource types a module of the table may
// wrap.
var TerraformModuleWraps = []string{"aws_db_instance", "aws_rds_cluster", "aws_ssm_parameter", "aws_secretsmanager_secret"}

var registryAddress = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*/[a-z0-9]+$`)

func (c *Catalogue) validateTerraformModules() []error {
	var errs []error
	seen := map[string]bool{}
	for _, m := range c.TerraformModules {
		if !registryAddress.MatchString(m.Source) || seen[m.Source] {
			errs = append(errs, fmt.Errorf("terraform module %q: not namespace/name/provider in lower case, or listed twice", m.Source))
		}
		seen[m.Source] = true
		if !slices.Contains(TerraformModuleWraps, m.Wraps) {
			errs = append(errs, fmt.Errorf("terraform module %s: wraps %q, want one of %v", m.Source, m.Wraps, TerraformModuleWraps))
		}
		db := m.Wraps == "aws_db_instance" || m.Wraps == "aws_rds_cluster"
		if db != (len(m.Credentials) > 0) || !db && len(m.Values) == 0 {
			errs = append(errs, fmt.Errorf("terraform module %s: a database module needs credentials, a parameter or secret module values", m.Source))
		}
	}
	return errs
}
