db_password = "tRUSMQ4runMsB4Mn" # want "^hard-coded DB password in db_password in case/prd.tfvars$"
api_token   = "${API_TOKEN}"
