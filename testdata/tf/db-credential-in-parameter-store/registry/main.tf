# Well-known registry modules are judged like the resources they wrap.
data "aws_ssm_parameter" "db" {
  name = "/shop/prd/db/MASTER_PASSWORD"
}

module "rds" {
  source                      = "terraform-aws-modules/rds/aws"
  version                     = "~> 6.10"
  identifier                  = "orders"
  username                    = "admin"
  manage_master_user_password = false
  password                    = data.aws_ssm_parameter.db.value # want "^password of module.rds read from Parameter Store parameter /shop/prd/db/MASTER_PASSWORD \\(data source data.aws_ssm_parameter.db\\);"
}

module "aurora" {
  source          = "git::https://github.com/terraform-aws-modules/terraform-aws-rds-aurora.git?ref=v9.0.0"
  name            = "orders"
  master_password = nonsensitive(data.aws_ssm_parameter.db.value) # want "^master_password of module.aurora read from Parameter Store"
}

module "legacy" {
  source            = "registry.terraform.io/cloudposse/rds/aws"
  version           = "0.38.0"
  database_password = data.aws_ssm_parameter.db.value # want "^database_password of module.legacy read from Parameter Store"
}

module "legacy_github" {
  source            = "github.com/cloudposse/terraform-aws-rds?ref=0.38.0"
  database_password = data.aws_ssm_parameter.db.value # want "^database_password of module.legacy_github read from Parameter Store"
}

# The parameter module: a DB credential written to Parameter Store.
resource "random_password" "reporting" {
  length = 32
}

module "reporting_password" {
  source      = "terraform-aws-modules/ssm-parameter/aws"
  name        = "/shop/prd/reporting-db/password" # want "^DB password written to Parameter Store parameter /shop/prd/reporting-db/password;"
  value       = random_password.reporting.result
  secure_type = true
}

# Traps: a submodule, a private registry and an unknown module are not
# in the table; their inputs stay unknown.
module "submodule" {
  source   = "terraform-aws-modules/rds/aws//modules/db_instance"
  password = data.aws_ssm_parameter.db.value
}

module "private" {
  source   = "app.terraform.io/acme/rds/aws"
  password = data.aws_ssm_parameter.db.value
}

module "other" {
  source   = "acme/database/aws"
  password = data.aws_ssm_parameter.db.value
}

# Trap: a parameter module that holds configuration.
module "log_level" {
  source = "terraform-aws-modules/ssm-parameter/aws"
  name   = "/shop/prd/orders/log-level"
  value  = "info"
}
