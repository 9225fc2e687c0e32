resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = "*" # want "^IAM statement of aws_iam_policy.app allows secretsmanager:GetSecretValue on every resource$"
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
  inline_policy {
    name = "params"
    policy = jsonencode({
      Statement = [{
        Effect   = "Allow"
        Action   = "ssm:GetParameter*"
        Resource = ["*"] # want "allows ssm:GetParameter\\* on every resource"
      }]
    })
  }
}

resource "aws_iam_role_policy" "legacy" {
  role   = aws_iam_role.worker.id
  # want +1 "^IAM statement of aws_iam_role_policy.legacy allows kms:Decrypt on every resource$"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]
    }
  JSON
}

data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["secretsmanager:*"]
    resources = ["*"] # want "^IAM statement of data.aws_iam_policy_document.reader allows secretsmanager:\\* on every resource$"
  }
}

# Good: scoped to the secrets of the app; Deny on everything.
data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/prd/*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
  }
}
