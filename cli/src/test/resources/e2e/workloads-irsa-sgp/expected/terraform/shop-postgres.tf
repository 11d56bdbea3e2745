resource "aws_ecs_service" "shop_postgres" {
  name                               = "shop-postgres"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_postgres.arn
  desired_count                      = 1
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_maximum_percent         = 100
  deployment_minimum_healthy_percent = 0
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true
  enable_execute_command             = false
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.shop_tasks.id]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy.execution_secrets, aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "shop_postgres" {
  family                   = "shop-postgres"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "postgres"
      image     = "postgres:16"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_postgres.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_postgres" {
  name              = "/ecs/shop/postgres"
  retention_in_days = 30
}
