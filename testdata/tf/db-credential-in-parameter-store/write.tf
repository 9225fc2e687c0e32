resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_db_instance" "main" {
  username = "admin"
  password = random_password.db.result # want db-credential-not-managed:"random_password.db"
}

# The generated DB password copied into Parameter Store.
resource "aws_ssm_parameter" "copy" {
  name  = "/shop/prd/db/ADMIN" # want "^DB password written to Parameter Store parameter /shop/prd/db/ADMIN; DB credentials belong"
  type  = "SecureString"
  value = random_password.db.result
}

# A parameter named like a DB password.
resource "aws_ssm_parameter" "named" {
  name  = "/shop/prd/db/MASTER_PASSWORD" # want "^DB password written to Parameter Store parameter /shop/prd/db/MASTER_PASSWORD;"
  type  = "SecureString"
  value = var.master_password
}

variable "master_password" {
  type      = string
  sensitive = true
}

# Good: plain configuration.
resource "aws_ssm_parameter" "log_level" {
  name  = "/shop/prd/api/LOG_LEVEL"
  type  = "String"
  value = "info"
}
