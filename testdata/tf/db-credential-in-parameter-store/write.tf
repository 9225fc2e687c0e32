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

# The last segment says nothing; the path says it is the DB password.
resource "aws_ssm_parameter" "nested" {
  name  = "/production/database/password/master" # want "^DB password written to Parameter Store parameter /production/database/password/master;"
  type  = "SecureString"
  value = var.nested_password
}

variable "nested_password" {
  type      = string
  sensitive = true
}

# Traps: settings about the password are no password.
resource "aws_ssm_parameter" "length" {
  name  = "/production/database/password/length"
  type  = "String"
  value = "32"
}

resource "aws_ssm_parameter" "rotation" {
  name  = "/production/database/password/rotation"
  type  = "String"
  value = "30"
}
