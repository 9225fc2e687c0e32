variable "db_password" { # want "^Terraform variable db_password carries a DB password without sensitive = true$"
  type = string
}

variable "master" { # want "^Terraform variable master carries a DB password without sensitive = true$"
  type = string
}

resource "aws_rds_cluster" "main" {
  master_username = "admin"
  master_password = var.master # want db-credential-not-managed:"fed by variable var.master"
}

variable "github_token" { # want "^Terraform variable github_token carries a token without sensitive = true$"
  type      = string
  sensitive = false
}

# Good: sensitive, or not a credential.
variable "api_key" {
  type      = string
  sensitive = true
}

variable "db_host" {
  type = string
}

variable "token_secret_arn" {
  type = string
}

variable "master_password_wo" {
  type      = string
  ephemeral = true
}

variable "password_rotation_days" {
  type    = number
  default = 30
}

variable "manage_master_user_password" {
  type    = bool
  default = true
}

variable "random_password_override_special" {
  type    = string
  default = "!@#$%^&*()_+"
}

# The username beside the password in a JSON secret is no credential;
# the password is.
variable "app_db_username" {
  type    = string
  default = "admin"
}

variable "app_db_pass" { # want "^Terraform variable app_db_pass carries a DB password without sensitive = true$"
  type = string
}

resource "aws_secretsmanager_secret_version" "app_db" {
  secret_id = "app-db"
  secret_string = jsonencode({
    username = var.app_db_username
    password = var.app_db_pass
  })
}
