resource "aws_ecs_service" "grpcserver_grpcserver" {
  name                               = "grpcserver-grpcserver"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.grpcserver_grpcserver.arn
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
    security_groups  = [aws_security_group.grpcserver_tasks.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.grpcserver_ingress_grpcserver_grpcserver_grpcserver_50051.arn
    container_name   = "grpc-demo"
    container_port   = 50051
  }
  service_registries {
    registry_arn = aws_service_discovery_service.grpcserver_grpcserver.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution, aws_lb_listener.ingress_grpcserver_grpcserver_443]
}

resource "aws_ecs_task_definition" "grpcserver_grpcserver" {
  family                   = "grpcserver-grpcserver"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "grpc-demo"
      image     = "placeexchange/grpc-demo:latest"
      essential = true
      portMappings = [
        {
          containerPort = 50051
          hostPort      = 50051
          protocol      = "tcp"
          name          = "grpc-api"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.grpcserver_grpcserver.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "grpcserver_grpcserver" {
  name              = "/ecs/grpcserver/grpcserver"
  retention_in_days = 30
}
