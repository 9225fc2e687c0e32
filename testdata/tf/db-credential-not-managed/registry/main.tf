variable "db_password" {
  type      = string
  sensitive = true
}

module "rds" {
  source                      = "terraform-aws-modules/rds/aws"
  manage_master_user_password = false
  password                    = var.db_password # want "^password of module.rds fed by variable var.db_password instead of Secrets Manager or the service-managed password \\(manage_master_user_password = true\\)$"
}

module "conflict" {
  source                      = "terraform-aws-modules/rds-aurora/aws"
  manage_master_user_password = true
  master_password             = var.db_password # want "^master_password of module.conflict set although manage_master_user_password is true"
}

# Good: the service manages the password.
module "managed" {
  source                      = "terraform-aws-modules/rds/aws"
  manage_master_user_password = true
}

# Good: a generated password kept in a Secrets Manager secret module with
# rotation.
resource "random_password" "db" {
  length = 32
}

module "db_secret" {
  source              = "terraform-aws-modules/secrets-manager/aws"
  name                = "shop/prd/orders-db"
  enable_rotation     = true
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
  secret_string = jsonencode({
    username = "admin"
    password = random_password.db.result
    engine   = "postgres"
  })
}

module "stored" {
  source                      = "terraform-aws-modules/rds-aurora/aws"
  manage_master_user_password = false
  master_password             = random_password.db.result
}
