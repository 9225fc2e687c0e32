# A value written at a module call's argument is described there, in
# Terraform's words: the argument, not the called module's variable.
module "db" {
  source   = "./modules/db"
  password = "hoDsjT1Vl7SHfmH9gjx1" # want "^password of module.db.aws_db_instance.this fed by argument password of module.db instead of" hardcoded-credential:"^hard-coded password in password of module.db$"
}

variable "reporting_password" {
  type      = string
  sensitive = true
}

module "reporting" {
  source   = "./modules/db"
  password = var.reporting_password # want "^password of module.reporting.aws_db_instance.this fed by variable var.reporting_password instead of"
}
