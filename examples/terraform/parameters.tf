resource "aws_ssm_parameter" "payment_api_key" {
  name  = "${local.prefix}/payment/API_KEY"
  type  = "String"
  value = var.payment_api_key
}

resource "aws_ssm_parameter" "log_level" {
  name  = "${local.prefix}/orders/LOG_LEVEL"
  type  = "String"
  value = "info"
}
