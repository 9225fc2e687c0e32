env                   = "prd"
reporting_db_password = "tRUSMQ4runMsB4Mn"
payment_api_key       = "${PAYMENT_API_KEY}"
