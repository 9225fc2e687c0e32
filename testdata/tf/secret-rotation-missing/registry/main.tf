module "orders_db" { # want "^Secrets Manager secret shop/prd/orders-db holds DB credentials but enable_rotation of module.orders_db is not true, so nothing rotates it$"
  source = "terraform-aws-modules/secrets-manager/aws"
  name   = "shop/prd/orders-db"
}

module "billing_db" {
  source          = "terraform-aws-modules/secrets-manager/aws"
  name            = "shop/prd/billing"
  enable_rotation = false # want "^Secrets Manager secret shop/prd/billing holds DB credentials but enable_rotation"
  secret_string = jsonencode({
    username = "billing"
    password = var.billing_password
    engine   = "postgres"
  })
}

variable "billing_password" {
  type      = string
  sensitive = true
}

# Traps: rotated, rotation decided elsewhere, and a secret that holds no
# DB credential.
module "rotated_db" {
  source              = "terraform-aws-modules/secrets-manager/aws"
  name                = "shop/prd/inventory-db"
  enable_rotation     = true
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
}

variable "rotate" {
  type = bool
}

module "decided_elsewhere" {
  source          = "terraform-aws-modules/secrets-manager/aws"
  name            = "shop/prd/search-db"
  enable_rotation = var.rotate
}

module "partner" {
  source = "terraform-aws-modules/secrets-manager/aws"
  name   = "shop/prd/partner-api"
}
