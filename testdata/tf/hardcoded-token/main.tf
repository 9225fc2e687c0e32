# Deploy token for the mirror: ghp_x0Wh7dFqDlAaXuteOKW2avTwsc49HJNnFkmQ # want "^hard-coded GitHub .* in Terraform comment$"

resource "aws_lambda_function" "sync" {
  function_name = "sync"
  role          = "arn:aws:iam::111122223333:role/sync"
  environment {
    variables = {
      GITHUB_AUTH = "ghp_x0Wh7dFqDlAaXuteOKW2avTwsc49HJNnFkmQ" # want "^hard-coded GitHub .* in Terraform string$"
      REPO        = "awsguard/secretlint"
    }
  }
}
