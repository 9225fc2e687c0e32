resource "aws_ssm_parameter" "flat" {
  # secretlint:ignore parameter-name-not-hierarchical legacy name read by the old batch
  name  = "LOG_LEVEL"
  type  = "String"
  value = "info"
}

locals {
  db_password = "Tq2vX9rLm4Kp" // secretlint:ignore hardcoded-credential synthetic value for the local stack
  api_key     = "Rk8wP3nZq7Lv" # secretlint:ignore hardcoded-credential # want "^secretlint:ignore of hardcoded-credential has no reason$"
  host        = "db.internal" # secretlint:ignore hardcoded-credential not a secret # want "^secretlint:ignore of hardcoded-credential suppresses nothing$"
  port        = 5432 # secretlint:ignore no-such-rule because # want "^secretlint:ignore names unknown rule no-such-rule$"
}

variable "smtp_password" {
  type      = string
  sensitive = true
  /* secretlint:ignore hardcoded-credential block comments work too */
  default = "Wd4nH8sPq2Xc"
}
