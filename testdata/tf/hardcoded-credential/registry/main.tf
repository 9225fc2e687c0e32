module "rds" {
  source                      = "terraform-aws-modules/rds/aws"
  manage_master_user_password = false
  password                    = "DkryET0hPfn1gcMtNPBy" # want "^hard-coded DB password in password of module.rds$"
}

module "aurora" {
  source          = "terraform-aws-modules/rds-aurora/aws"
  master_password = "WgLQIJpinL73hZIkY5YV" # want "^hard-coded DB password in master_password of module.aurora$"
}

module "api_key" {
  source      = "terraform-aws-modules/ssm-parameter/aws"
  name        = "/shop/prd/partner/api-key" # want secret-in-parameter-store:"^API key written to Parameter Store parameter /shop/prd/partner/api-key;"
  value       = "CTo0eMpPKDelJECUdW8k" # want "^hard-coded API key in value of module.api_key$"
  secure_type = true
}

# Traps: placeholders and empty values are no credential.
module "placeholder" {
  source          = "terraform-aws-modules/rds-aurora/aws"
  master_password = "changeme"
}

module "empty" {
  source   = "terraform-aws-modules/rds/aws"
  password = ""
}
