data "aws_secretsmanager_secret_version" "partner" {
  secret_id = "shop/prd/partner-api"
}

data "aws_ssm_parameter" "signing_key" {
  name = "/shop/prd/api/SIGNING_KEY" # want secret-in-parameter-store:"^private key read from"
}

data "aws_ssm_parameter" "log_level" {
  name = "/shop/prd/api/LOG_LEVEL"
}

resource "random_password" "session" {
  length = 48
}

output "partner_key" {
  value = nonsensitive(data.aws_secretsmanager_secret_version.partner.secret_string) # want "^Secrets Manager secret shop/prd/partner-api resolved into output.partner_key, which stores it in plaintext$"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  environment {
    variables = {
      SIGNING_KEY = data.aws_ssm_parameter.signing_key.value # want "^Parameter Store parameter /shop/prd/api/SIGNING_KEY resolved into the environment variables of aws_lambda_function.api"
      LOG_LEVEL   = data.aws_ssm_parameter.log_level.value
    }
  }
  tags = {
    session = random_password.session.result # want "^generated password random_password.session resolved into the tags of aws_lambda_function.api"
  }
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{
    name  = "api"
    image = "api:1"
    environment = [
      { name = "PARTNER_KEY", value = jsondecode(data.aws_secretsmanager_secret_version.partner.secret_string)["key"] }, # want "resolved into the environment variables of aws_ecs_task_definition.api"
      { name = "LOG_LEVEL", value = data.aws_ssm_parameter.log_level.value },
    ]
    secrets = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/prd/db" }]
  }])
}

# Good: a sensitive output; the ARN of a secret.
output "partner_key_sensitive" {
  value     = data.aws_secretsmanager_secret_version.partner.secret_string
  sensitive = true
}

output "partner_arn" {
  value = data.aws_secretsmanager_secret_version.partner.arn
}

# The username and host of a JSON secret are configuration; its password
# is the secret.
data "aws_secretsmanager_secret_version" "db" {
  secret_id = "shop/prd/db"
}

locals {
  db = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  role          = "arn:aws:iam::111122223333:role/report"
  environment {
    variables = {
      DB_USER     = local.db.username
      DB_HOST     = local.db["host"]
      DB_PASSWORD = local.db.password # want "^Secrets Manager secret shop/prd/db resolved into the environment variables of aws_lambda_function.report"
    }
  }
}
