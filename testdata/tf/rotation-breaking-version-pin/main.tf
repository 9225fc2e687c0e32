data "aws_secretsmanager_secret_version" "by_id" {
  secret_id  = "shop/prd/partner-api"
  version_id = "3f1c1b2e-7a0d-4c55-9d6e-2b8f0a1c4d77" # want "^read of Secrets Manager secret shop/prd/partner-api pinned to version_id 3f1c1b2e-7a0d-4c55-9d6e-2b8f0a1c4d77, so rotation never reaches it$"
}

data "aws_secretsmanager_secret_version" "previous" {
  secret_id     = "shop/prd/partner-api"
  version_stage = "AWSPREVIOUS" # want "pinned to version_stage AWSPREVIOUS"
}

# Good: the current version.
data "aws_secretsmanager_secret_version" "current" {
  secret_id     = "shop/prd/partner-api"
  version_stage = "AWSCURRENT"
}

data "aws_secretsmanager_secret_version" "latest" {
  secret_id = "shop/prd/partner-api"
}
