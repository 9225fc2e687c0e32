variable "name" {
  type = string
}

variable "master_password" {
  type      = string
  sensitive = true
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = var.name
  engine             = "aurora-postgresql"
  master_username    = "app"
  master_password    = var.master_password
}

output "endpoint" {
  value = aws_rds_cluster.this.endpoint
}
