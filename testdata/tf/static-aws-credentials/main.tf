provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAHI756J6UVZRA4MOH" # want "^static AWS credentials built from literals in provider aws$"
  secret_key = var.aws_secret_key
}

variable "aws_secret_key" { # want secret-parameter-without-noecho:"^Terraform variable aws_secret_key carries a AWS secret access key without sensitive = true$"
  type    = string
  default = "HSXBUOJZsDbltdwWm6g1pO6TfDfvJbLJ9x0lHwzr" # want "^static AWS credentials built from literals in provider aws$"
}

# Good: credentials from the environment or a profile; documented placeholders.
provider "aws" {
  alias   = "ops"
  region  = "eu-west-1"
  profile = "ops"
}

provider "aws" {
  alias      = "doc"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "${AWS_SECRET_ACCESS_KEY}"
}
