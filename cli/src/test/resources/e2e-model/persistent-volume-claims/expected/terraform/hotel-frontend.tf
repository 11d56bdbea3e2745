resource "aws_ecs_service" "hotel_frontend" {
  name                               = "hotel-frontend"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.hotel_frontend.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_maximum_percent         = 134
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
    security_groups  = [aws_security_group.hotel_tasks.id]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "hotel_frontend" {
  family                   = "hotel-frontend"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name              = "web"
      image             = "nginx:1.27"
      essential         = true
      cpu               = 103
      memoryReservation = 128
      mountPoints = [
        {
          sourceVolume  = "media"
          containerPath = "/usr/share/nginx/html/media"
          readOnly      = true
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.hotel_frontend.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  volume {
    name = "media"
    efs_volume_configuration {
      file_system_id     = var.efs_file_system_id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = aws_efs_access_point.hotel_media.id
        iam             = "DISABLED"
      }
    }
  }
}

resource "aws_cloudwatch_log_group" "hotel_frontend" {
  name              = "/ecs/hotel/frontend"
  retention_in_days = 30
}
