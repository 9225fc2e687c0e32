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
