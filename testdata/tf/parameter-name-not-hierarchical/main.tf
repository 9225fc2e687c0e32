resource "aws_ssm_parameter" "flat" {
  name  = "LOG_LEVEL" # want "^Parameter Store name LOG_LEVEL does not follow the hierarchy /\\{system\\}/\\{env\\}/\\{app\\}/\\{KEY\\}$"
  type  = "String"
  value = "info"
}

data "aws_ssm_parameter" "short" {
  name = "/shop/TIMEOUT" # want "^Parameter Store name /shop/TIMEOUT does not"
}

variable "env" {
  type = string
}

# Good: hierarchical, interpolated segments, AWS public parameters.
resource "aws_ssm_parameter" "ok" {
  name  = "/shop/${var.env}/api/LOG_LEVEL"
  type  = "String"
  value = "info"
}

data "aws_ssm_parameter" "ami" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}
