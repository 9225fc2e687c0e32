resource "aws_secretsmanager_secret" "partner" {
  name = "shop/prd/partner-api"
}

resource "aws_secretsmanager_secret_policy" "open" {
  secret_arn = aws_secretsmanager_secret.partner.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # want "^resource policy aws_secretsmanager_secret_policy.open lets any principal use the secret without a condition$"
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}

data "aws_iam_policy_document" "any" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"] # want broad-secret-access:"data.aws_iam_policy_document.any allows"
    principals {
      type        = "*"
      identifiers = ["*"] # want "^resource policy aws_secretsmanager_secret_policy.doc lets any principal"
    }
  }
}

resource "aws_secretsmanager_secret_policy" "doc" {
  secret_arn = aws_secretsmanager_secret.partner.arn
  policy     = data.aws_iam_policy_document.any.json
}

# Good: any principal, but only from the organisation.
resource "aws_secretsmanager_secret_policy" "org" {
  secret_arn = aws_secretsmanager_secret.partner.arn
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
