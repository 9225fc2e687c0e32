[
  {
    "name": "orders",
    "image": "${image}",
    "cpu": ${cpu},
    "essential": true,
    "secrets": [
      {"name": "SPRING_DATASOURCE_PASSWORD", "valueFrom": "/ccntnt/prd/orders/SPRING_DATASOURCE_PASSWORD"},
      {"name": "SPRING_DATASOURCE_URL", "valueFrom": "/ccntnt/prd/orders/SPRING_DATASOURCE_URL"}
    ],
    "environment": [
      {"name": "JWT_SECRET", "value": "Qz5JwtSecretNm8Kx3"}
    ]
  }
]
