resource "aws_ecs_task_definition" "shop_db_migrate" {
  family                   = "shop-db-migrate"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "migrate"
      image     = "example/migrate:1"
      essential = true
      command   = ["up"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_db_migrate.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_db_migrate" {
  name              = "/ecs/shop/db-migrate"
  retention_in_days = 30
}
