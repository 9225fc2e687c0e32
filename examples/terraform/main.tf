locals {
  prefix = "/shop/${var.env}"
}

# Orders: the password comes from Parameter Store.
data "aws_ssm_parameter" "orders_db_password" {
  name = "${local.prefix}/orders/DB_PASSWORD"
}

module "orders_db" {
  source          = "./modules/aurora"
  name            = "orders-${var.env}"
  master_password = data.aws_ssm_parameter.orders_db_password.value
}

# Reporting: the password is a variable.
resource "aws_db_instance" "reporting" {
  identifier     = "reporting-${var.env}"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = "reporting"
  password       = var.reporting_db_password
}

# Analytics: the service manages the password (good).
resource "aws_rds_cluster" "analytics" {
  cluster_identifier          = "analytics-${var.env}"
  engine                      = "aurora-postgresql"
  master_username             = "analytics"
  manage_master_user_password = true
}

# Billing: a generated password in Secrets Manager with rotation (good),
# and the billing secret of the old stack without rotation.
resource "random_password" "billing" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "billing_db" {
  name = "shop/${var.env}/billing-db"
}

resource "aws_secretsmanager_secret_version" "billing_db" {
  secret_id = aws_secretsmanager_secret.billing_db.id
  secret_string = jsonencode({
    username = "billing"
    password = random_password.billing.result
    engine   = "postgres"
  })
}

resource "aws_secretsmanager_secret_rotation" "billing_db" {
  secret_id           = aws_secretsmanager_secret.billing_db.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate-postgres"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_db_instance" "billing" {
  identifier     = "billing-${var.env}"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = "billing"
  password       = random_password.billing.result
}

resource "aws_secretsmanager_secret" "billing_db_legacy" {
  name = "shop/${var.env}/billing-db-legacy"
}
