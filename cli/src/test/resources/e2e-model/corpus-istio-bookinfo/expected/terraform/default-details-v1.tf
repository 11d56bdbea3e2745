resource "aws_ecs_service" "default_details_v1" {
  name                               = "default-details-v1"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.default_details_v1.arn
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
    security_groups  = [aws_security_group.default_tasks.id]
    assign_public_ip = false
  }
  service_registries {
    registry_arn = aws_service_discovery_service.default_details.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
  tags = {
    app     = "details"
    version = "v1"
  }
}

resource "aws_ecs_task_definition" "default_details_v1" {
  family                   = "default-details-v1"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "details"
      image     = "registry.istio.io/release/examples-bookinfo-details-v1:1.20.3"
      essential = true
      portMappings = [
        {
          containerPort = 9080
          hostPort      = 9080
          protocol      = "tcp"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_details_v1.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  tags = {
    app     = "details"
    version = "v1"
  }
}

resource "aws_cloudwatch_log_group" "default_details_v1" {
  name              = "/ecs/default/details-v1"
  retention_in_days = 30
}
