data "aws_ssm_parameter" "pw" {
  name = "/shop/prd/db/MASTER_PASSWORD"
}

module "db" {
  source   = "./modules/db"
  password = data.aws_ssm_parameter.pw.value # want "^password of module.db.aws_db_instance.this read from Parameter Store parameter /shop/prd/db/MASTER_PASSWORD"
}
