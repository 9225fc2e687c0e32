variable "restore" {
  type    = bool
  default = false
}

data "aws_ssm_parameter" "db_password" {
  name = "/shop/prd/db/MASTER_PASSWORD"
}

data "aws_ssm_parameter" "old_password" {
  name = "/shop/prd/db/OLD_PASSWORD"
}

ephemeral "aws_ssm_parameter" "docdb" {
  name = "/shop/prd/docdb/MASTER_PASSWORD"
}

locals {
  master = var.restore ? data.aws_ssm_parameter.old_password.value : data.aws_ssm_parameter.db_password.value
}

resource "aws_db_instance" "main" {
  identifier = "shop-prd"
  username   = "admin"
  password   = data.aws_ssm_parameter.db_password.value # want "^password of aws_db_instance.main read from Parameter Store parameter /shop/prd/db/MASTER_PASSWORD \\(data source data.aws_ssm_parameter.db_password\\); DB credentials belong in Secrets Manager with rotation$"
}

resource "aws_rds_cluster" "both_branches" {
  master_username = "admin"
  master_password = local.master # want "^master_password of aws_rds_cluster.both_branches read from Parameter Store parameter /shop/prd/db/OLD_PASSWORD, /shop/prd/db/MASTER_PASSWORD; DB credentials"
}

resource "aws_docdb_cluster" "wo" {
  master_username    = "admin"
  master_password_wo = ephemeral.aws_ssm_parameter.docdb.value # want "^master_password_wo of aws_docdb_cluster.wo read from .* \\(ephemeral resource ephemeral.aws_ssm_parameter.docdb\\)"
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "shop"
  description          = "cache"
  auth_token           = try(nonsensitive(data.aws_ssm_parameter.db_password.value), "") # want "^auth_token of aws_elasticache_replication_group.cache read from"
}

# Good: the service manages the password; host and port in Parameter Store.
data "aws_ssm_parameter" "db_host" {
  name = "/shop/prd/db/HOST"
}

resource "aws_rds_cluster" "managed" {
  master_username             = "admin"
  manage_master_user_password = true
  tags = {
    host = data.aws_ssm_parameter.db_host.value
  }
}
