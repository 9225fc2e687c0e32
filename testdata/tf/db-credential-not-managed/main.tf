variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  username = "admin"
  password = var.db_password # want "^password of aws_db_instance.main fed by variable var.db_password instead of Secrets Manager or the service-managed password \\(manage_master_user_password = true\\)$"
}

resource "aws_rds_cluster" "conflict" {
  master_username             = "admin"
  manage_master_user_password = true
  master_password             = var.db_password # want "^master_password of aws_rds_cluster.conflict set although manage_master_user_password is true; the service already manages the password$"
}

resource "random_password" "unstored" {
  length = 32
}

resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  master_username    = "admin"
  master_password    = random_password.unstored.result # want "^master_password of aws_redshift_cluster.dw set from random_password.unstored, which lives only in the Terraform state"
}

# Good: the service manages the password.
resource "aws_db_instance" "managed" {
  username                    = "admin"
  manage_master_user_password = true
}

# Good: a write-only password from an ephemeral Secrets Manager value.
ephemeral "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
}

resource "aws_db_instance" "write_only" {
  username            = "admin"
  password_wo         = jsondecode(ephemeral.aws_secretsmanager_secret_version.db.secret_string)["password"]
  password_wo_version = 1
}

# Good: a generated password stored in Secrets Manager with rotation.
resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "db" {
  name = "shop/prd/db"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = "admin"
    password = random_password.db.result
    engine   = "postgres"
  })
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_rds_cluster" "stored" {
  master_username = "admin"
  master_password = random_password.db.result
}
