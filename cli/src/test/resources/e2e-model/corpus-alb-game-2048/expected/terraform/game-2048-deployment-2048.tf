resource "aws_ecs_service" "game_2048_deployment_2048" {
  name                               = "game-2048-deployment-2048"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.game_2048_deployment_2048.arn
  desired_count                      = 5
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_maximum_percent         = 140
  deployment_minimum_healthy_percent = 80
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true
  enable_execute_command             = false
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.game_2048_tasks.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.game_2048_ingress_game_2048_ingress_2048_service_2048_80.arn
    container_name   = "app-2048"
    container_port   = 80
  }
  service_registries {
    registry_arn = aws_service_discovery_service.game_2048_service_2048.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution, aws_lb_listener.ingress_game_2048_ingress_2048_80]
}

resource "aws_ecs_task_definition" "game_2048_deployment_2048" {
  family                   = "game-2048-deployment-2048"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "app-2048"
      image     = "public.ecr.aws/l6m2t8p7/docker-2048:latest"
      essential = true
      portMappings = [
        {
          containerPort = 80
          hostPort      = 80
          protocol      = "tcp"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.game_2048_deployment_2048.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "game_2048_deployment_2048" {
  name              = "/ecs/game-2048/deployment-2048"
  retention_in_days = 30
}
