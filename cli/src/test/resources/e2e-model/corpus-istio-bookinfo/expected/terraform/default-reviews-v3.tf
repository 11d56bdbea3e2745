resource "aws_ecs_service" "default_reviews_v3" {
  name                               = "default-reviews-v3"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.default_reviews_v3.arn
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
    registry_arn = aws_service_discovery_service.default_reviews.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
  tags = {
    app     = "reviews"
    version = "v3"
  }
}

resource "aws_ecs_task_definition" "default_reviews_v3" {
  family                   = "default-reviews-v3"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "reviews"
      image     = "registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3"
      essential = true
      portMappings = [
        {
          containerPort = 9080
          hostPort      = 9080
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "LOG_DIR"
          value = "/tmp/logs"
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
        {
          sourceVolume  = "wlp-output"
          containerPath = "/opt/ibm/wlp/output"
          readOnly      = false
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_reviews_v3.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  volume {
    name = "wlp-output"
  }
  volume {
    name = "tmp"
  }
  tags = {
    app     = "reviews"
    version = "v3"
  }
}

resource "aws_cloudwatch_log_group" "default_reviews_v3" {
  name              = "/ecs/default/reviews-v3"
  retention_in_days = 30
}
