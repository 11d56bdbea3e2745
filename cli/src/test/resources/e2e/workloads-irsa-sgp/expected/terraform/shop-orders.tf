resource "aws_ecs_service" "shop_orders" {
  name                               = "shop-orders"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_orders.arn
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
    security_groups  = ["sg-0123456789abcdef0", "sg-0fedcba9876543210"]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy.execution_secrets, aws_iam_role_policy_attachment.execution]
  tags = {
    app = "orders"
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "shop_orders" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = element(split(":", aws_ecs_service.shop_orders.id), 5)
  min_capacity       = 3
  max_capacity       = 10
}

# the cooldowns of these policies come closest to a HorizontalPodAutoscaler's defaults: scale out at once
# (60 s for new tasks to report their load), scale in after its 5-minute scale-down stabilization window (300 s)
resource "aws_appautoscaling_policy" "shop_orders_cpu" {
  name               = "shop-orders-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.shop_orders.service_namespace
  scalable_dimension = aws_appautoscaling_target.shop_orders.scalable_dimension
  resource_id        = aws_appautoscaling_target.shop_orders.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = 80
    scale_out_cooldown = 60
    scale_in_cooldown  = 300
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_ecs_task_definition" "shop_orders" {
  family                   = "shop-orders"
  cpu                      = "512"
  memory                   = "1024"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  task_role_arn            = "arn:aws:iam::123456789012:role/orders-s3"
  container_definitions = jsonencode([
    {
      name              = "orders"
      image             = "registry.example.com/orders:4"
      essential         = true
      cpu               = 512
      memoryReservation = 1024
      portMappings = [
        {
          containerPort = 8080
          hostPort      = 8080
          protocol      = "tcp"
          name          = "http"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_orders.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
      repositoryCredentials = {
        credentialsParameter = var.missing_secretsmanager_secret_shop_registry_registry_arn
      }
    },
  ])
  tags = {
    app = "orders"
  }
}

resource "aws_cloudwatch_log_group" "shop_orders" {
  name              = "/ecs/shop/orders"
  retention_in_days = 30
}
