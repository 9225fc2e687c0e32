resource "random_password" "token" {
  length = 32
}

module "no_type" { # want "^password stored in Parameter Store parameter /shop/prd/smtp/password as String, not SecureString$"
  source = "terraform-aws-modules/ssm-parameter/aws"
  name   = "/shop/prd/smtp/password" # want secret-in-parameter-store:"^password written to Parameter Store parameter /shop/prd/smtp/password;"
  value  = random_password.token.result
}

module "insecure" {
  source      = "terraform-aws-modules/ssm-parameter/aws"
  name        = "/shop/prd/ldap/password" # want secret-in-parameter-store:"^password written to Parameter Store parameter /shop/prd/ldap/password;"
  value       = random_password.token.result
  secure_type = false # want "as String, not SecureString$"
}

module "typed" {
  source = "terraform-aws-modules/ssm-parameter/aws"
  name   = "/shop/prd/ftp/password" # want secret-in-parameter-store:"^password written to Parameter Store parameter /shop/prd/ftp/password;"
  value  = random_password.token.result
  type   = "String" # want "as String, not SecureString$"
}

# Traps: SecureString, a type decided elsewhere, and configuration.
module "secure" {
  source      = "terraform-aws-modules/ssm-parameter/aws"
  name        = "/shop/prd/imap/password" # want secret-in-parameter-store:"^password written to Parameter Store parameter /shop/prd/imap/password;"
  value       = random_password.token.result
  secure_type = true
}

module "secure_typed" {
  source = "terraform-aws-modules/ssm-parameter/aws"
  name   = "/shop/prd/pop/password" # want secret-in-parameter-store:"^password written to Parameter Store parameter /shop/prd/pop/password;"
  value  = random_password.token.result
  type   = "SecureString"
}

variable "secure" {
  type    = bool
  default = true
}

module "decided_elsewhere" {
  source      = "terraform-aws-modules/ssm-parameter/aws"
  name        = "/shop/prd/proxy/password" # want secret-in-parameter-store:"^password written to Parameter Store parameter /shop/prd/proxy/password;"
  value       = random_password.token.result
  secure_type = var.secure
}

module "config" {
  source = "terraform-aws-modules/ssm-parameter/aws"
  name   = "/shop/prd/orders/feature-flags"
  value  = "checkout=on"
}
