resource "aws_ecs_service" "shop_billing" {
  name                               = "shop-billing"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_billing.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true
  enable_execute_command             = false
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = ["sg-0123456789abcdef0", "sg-0fedcba9876543210"]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy.execution_secrets, aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "shop_billing" {
  family                   = "shop-billing"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "billing"
      image     = "example/billing:1"
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_billing.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_billing" {
  name              = "/ecs/shop/billing"
  retention_in_days = 30
}
