resource "aws_ecs_service" "shop_web" {
  name                               = "shop-web"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_web.arn
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
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "shop_web" {
  family                   = "shop-web"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "nginx:1.27"
      essential = true
      portMappings = [
        {
          containerPort = 80
          hostPort      = 80
          protocol      = "tcp"
          name          = "http"
        },
      ]
      environment = [
        {
          name  = "GREETING"
          value = "hello"
        },
      ]
    },
  ])
}
