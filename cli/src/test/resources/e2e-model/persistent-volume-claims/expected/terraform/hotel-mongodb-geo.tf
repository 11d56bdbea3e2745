resource "aws_ecs_service" "hotel_mongodb_geo" {
  name                               = "hotel-mongodb-geo"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.hotel_mongodb_geo.arn
  desired_count                      = 1
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_maximum_percent         = 100
  deployment_minimum_healthy_percent = 0
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

resource "aws_ecs_task_definition" "hotel_mongodb_geo" {
  family                   = "hotel-mongodb-geo"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name              = "mongo"
      image             = "mongo:4.4.6"
      essential         = true
      cpu               = 256
      memoryReservation = 512
      portMappings = [
        {
          containerPort = 27017
          hostPort      = 27017
          protocol      = "tcp"
        },
      ]
      user = "999"
      mountPoints = [
        {
          sourceVolume  = "geo"
          containerPath = "/data/db"
          readOnly      = false
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.hotel_mongodb_geo.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  volume {
    name = "geo"
    efs_volume_configuration {
      file_system_id     = var.efs_file_system_id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = aws_efs_access_point.hotel_geo_pvc.id
        iam             = "DISABLED"
      }
    }
  }
}

resource "aws_cloudwatch_log_group" "hotel_mongodb_geo" {
  name              = "/ecs/hotel/mongodb-geo"
  retention_in_days = 30
}
