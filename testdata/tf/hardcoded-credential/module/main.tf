variable "db_password" {
  type      = string
  sensitive = true
  default   = "U8SBDpl84GRNOja0" # want "^hard-coded DB password in default of variable db_password$"
}

variable "api_token" {
  type      = string
  sensitive = true
  default   = "changeme"
}

variable "admin_password" {
  type      = string
  sensitive = true
  default   = ""
}

locals {
  jwt_secret = "ct2U9NgGrK1RQ2KY" # want "^hard-coded client secret in local value jwt_secret$"
  fallback   = "k3IEfGSmaLbSwtRl" # want "^hard-coded DB password in master_password of aws_rds_cluster.main$"
  template   = "${var.api_token}"
}

resource "aws_rds_cluster" "main" {
  master_username = "admin"
  master_password = local.fallback
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  environment {
    variables = {
      LOG_LEVEL        = "info"
      PARTNER_API_KEY  = "jBj8laUTb1wQ2oo6" # want "^hard-coded API key in key PARTNER_API_KEY in aws_lambda_function.api$"
      DB_PASSWORD_NAME = "/shop/prd/db/MASTER_PASSWORD"
      SESSION_SECRET   = var.api_token
    }
  }
}

resource "aws_secretsmanager_secret_version" "partner" {
  secret_id = "shop/prd/partner"
  secret_string = jsonencode({
    username = "partner"
    password = "Yx6V28ApDx50jiGG" # want "^hard-coded password in key password in aws_secretsmanager_secret_version.partner$"
  })
}

# Traps: keys and indexes of lookups are not values.
variable "db_settings" {
  type    = map(string)
  default = {}
}

resource "aws_db_instance" "lookup" {
  username = "app"
  password = lookup(var.db_settings, "db_master_secret", null) # want db-credential-not-managed:"fed by variable var.db_settings"
}
