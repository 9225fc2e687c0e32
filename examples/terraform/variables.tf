variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "env" {
  type = string
}

variable "legacy_secret_key" {
  type      = string
  sensitive = true
  default   = ""
}

variable "reporting_db_password" {
  type        = string
  description = "Master password of the reporting database."
}

variable "payment_api_key" {
  type      = string
  sensitive = true
}
