variable "partner_client_secret" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "client_secret" {
  name  = "/shop/prd/partner/CLIENT_SECRET" # want secret-in-parameter-store:"^client secret written to Parameter Store parameter /shop/prd/partner/CLIENT_SECRET;"
  type  = "String" # want "^client secret stored in Parameter Store parameter /shop/prd/partner/CLIENT_SECRET as String, not SecureString$"
  value = var.partner_client_secret
}

resource "aws_ssm_parameter" "db_untyped" { # want "^DB password stored in Parameter Store parameter /shop/prd/db/PASSWORD as String, not SecureString$"
  name  = "/shop/prd/db/PASSWORD" # want db-credential-in-parameter-store:"^DB password written to Parameter Store parameter /shop/prd/db/PASSWORD;"
  value = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "stringlist" {
  name  = "/shop/prd/api/PARTNER_API_KEY" # want secret-in-parameter-store:"^API key written"
  type  = "StringList" # want "as StringList, not SecureString"
  value = var.partner_client_secret
}

# Good: not a secret, so String is right.
resource "aws_ssm_parameter" "feature" {
  name  = "/shop/prd/api/FEATURE_FLAGS"
  type  = "String"
  value = "checkout-v2"
}
