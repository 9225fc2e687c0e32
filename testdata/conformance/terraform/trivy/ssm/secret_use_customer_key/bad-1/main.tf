resource "aws_secretsmanager_secret" "bad_example" {
  name = "lambda_password"
}
