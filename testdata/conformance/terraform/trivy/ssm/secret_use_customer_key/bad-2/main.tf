resource "aws_secretsmanager_secret" "good_example" {
  name       = "lambda_password"
  kms_key_id = "alias/aws/secretsmanager"
}
