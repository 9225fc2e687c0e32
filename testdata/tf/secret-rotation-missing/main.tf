resource "aws_secretsmanager_secret" "orders_db" { # want "^Secrets Manager secret shop/prd/orders-db holds DB credentials but no aws_secretsmanager_secret_rotation of the configuration rotates it$"
  name = "shop/prd/orders-db"
}

resource "random_password" "reports" {
  length = 32
}

resource "aws_secretsmanager_secret" "reports" { # want "^Secrets Manager secret shop/prd/reports "
  name = "shop/prd/reports"
}

resource "aws_secretsmanager_secret_version" "reports" {
  secret_id     = aws_secretsmanager_secret.reports.id
  secret_string = jsonencode({ username = "reports", password = random_password.reports.result })
}

resource "aws_db_instance" "reports" {
  username = "reports"
  password = random_password.reports.result
}

# Good: rotated DB secret; a partner API key that the provider cannot rotate.
resource "aws_secretsmanager_secret" "billing_db" {
  name = "shop/prd/billing-db"
}

resource "aws_secretsmanager_secret_rotation" "billing_db" {
  secret_id           = aws_secretsmanager_secret.billing_db.arn
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "partner" {
  name = "shop/prd/partner-api"
}
