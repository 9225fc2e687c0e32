variable "password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "this" {
  username = "admin"
  password = var.password # want "^password of aws_db_instance.this fed by variable var.password instead of"
}
