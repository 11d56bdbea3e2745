resource "aws_ecs_service" "shop_web" {
  name                               = "shop-web"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_web.arn
  desired_count                      = 1
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
    security_groups  = [aws_security_group.shop_tasks.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.shop_service_web_80.arn
    container_name   = "web"
    container_port   = 8080
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.shop_ingress_shop_web_web_80.arn
    container_name   = "web"
    container_port   = 8080
  }
  service_registries {
    registry_arn = aws_service_discovery_service.shop_web.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution, aws_lb_listener.ingress_shop_web_80, aws_lb_listener.shop_service_web_80]
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
      image     = "example/web:1"
      essential = true
      portMappings = [
        {
          containerPort = 8080
          hostPort      = 8080
          protocol      = "tcp"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_web.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_web" {
  name              = "/ecs/shop/web"
  retention_in_days = 30
}
