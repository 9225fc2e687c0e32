variable "stripe_api_key" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "stripe" {
  name  = "/shop/prd/api/STRIPE_API_KEY" # want "^API key written to Parameter Store parameter /shop/prd/api/STRIPE_API_KEY; secrets of this kind belong in Secrets Manager$"
  type  = "SecureString"
  value = var.stripe_api_key
}

data "aws_ssm_parameter" "partner_token" {
  name = "/shop/prd/partner/ACCESS_TOKEN" # want "^token read from Parameter Store parameter /shop/prd/partner/ACCESS_TOKEN \\(data source data.aws_ssm_parameter.partner_token\\); secrets of this kind"
}

# Good: configuration in Parameter Store, names and ARNs of secrets.
resource "aws_ssm_parameter" "log_level" {
  name  = "/shop/prd/api/LOG_LEVEL"
  type  = "String"
  value = "info"
}

resource "aws_ssm_parameter" "secret_arn" {
  name  = "/shop/prd/api/TOKEN_SECRET_ARN"
  type  = "String"
  value = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/prd/token-Ab12Cd"
}

data "aws_ssm_parameter" "endpoint" {
  name = "/shop/prd/partner/ENDPOINT"
}
