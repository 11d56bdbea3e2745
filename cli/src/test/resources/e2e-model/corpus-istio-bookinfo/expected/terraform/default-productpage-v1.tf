resource "aws_ecs_service" "default_productpage_v1" {
  name                               = "default-productpage-v1"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.default_productpage_v1.arn
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
  load_balancer {
    target_group_arn = aws_lb_target_group.default_ingress_default_gateway_productpage_9080.arn
    container_name   = "productpage"
    container_port   = 9080
  }
  service_registries {
    registry_arn = aws_service_discovery_service.default_productpage.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution, aws_lb_listener.ingress_default_gateway_80]
  tags = {
    app     = "productpage"
    version = "v1"
  }
}

resource "aws_ecs_task_definition" "default_productpage_v1" {
  family                   = "default-productpage-v1"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "productpage"
      image     = "registry.istio.io/release/examples-bookinfo-productpage-v1:1.20.3"
      essential = true
      portMappings = [
        {
          containerPort = 9080
          hostPort      = 9080
          protocol      = "tcp"
        },
      ]
      mountPoints = [
        {
          sourceVolume  = "tmp"
          containerPath = "/tmp"
          readOnly      = false
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_productpage_v1.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  volume {
    name = "tmp"
  }
  tags = {
    app     = "productpage"
    version = "v1"
  }
}

resource "aws_cloudwatch_log_group" "default_productpage_v1" {
  name              = "/ecs/default/productpage-v1"
  retention_in_days = 30
}
