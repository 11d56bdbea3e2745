resource "aws_ecs_task_definition" "hotel_thumbnails" {
  family                   = "hotel-thumbnails"
  cpu                      = "512"
  memory                   = "1024"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name              = "resize"
      image             = "example/thumbnails:3"
      essential         = true
      cpu               = 512
      memoryReservation = 1024
      user              = "1000"
      mountPoints = [
        {
          sourceVolume  = "media"
          containerPath = "/media"
          readOnly      = false
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.hotel_thumbnails.name
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

resource "aws_cloudwatch_log_group" "hotel_thumbnails" {
  name              = "/ecs/hotel/thumbnails"
  retention_in_days = 30
}
