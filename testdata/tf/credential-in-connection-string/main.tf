resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{
    name  = "api"
    image = "api:1"
    environment = [
      { name = "DATABASE_URL", value = "postgres://app:Vq7rT2xLm9Zk@db.internal:5432/shop" }, # want "^password inline in postgres connection string in Terraform string$"
      { name = "CACHE_URL", value = "redis://cache.internal:6379/0" },
    ]
  }])
}
