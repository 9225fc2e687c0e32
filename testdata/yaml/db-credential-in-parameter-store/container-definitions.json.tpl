[
  {
    "name": "orders",
    "image": "${image}",
    "cpu": ${cpu},
    "essential": true,
    "environment": [
      {"name": "DB_HOST", "value": "${db_host}"},
      {"name": "LOG_LEVEL", "value": "info"}
    ],
    "secrets": [
      {"name": "DB_PASSWORD", "valueFrom": "/shop/prd/orders/DB_PASSWORD"}, # want "^environment variable DB_PASSWORD of orders read from Parameter Store parameter /shop/prd/orders/DB_PASSWORD \\(ECS container secret\\)"
      {"name": "SPRING_DATASOURCE_PASSWORD", "valueFrom": "${db_password_parameter_arn}"},
      {"name": "APP_SETTINGS", "valueFrom": "/shop/prd/orders/APP_SETTINGS"},
      {"name": "REPLICA_DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prd/shop/orders-db-Xk2P9q:password::"}
    ]
  },
]
