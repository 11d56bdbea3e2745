resource "aws_ecs_service" "shop_web" {
  name                               = "shop-web"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_web.arn
  desired_count                      = 2
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
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "shop_web" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = element(split(":", aws_ecs_service.shop_web.id), 5)
  min_capacity       = 2
  max_capacity       = 10
}

# the cooldowns of these policies come closest to a HorizontalPodAutoscaler's defaults: scale out at once
# (60 s for new tasks to report their load), scale in after its 5-minute scale-down stabilization window (300 s)
resource "aws_appautoscaling_policy" "shop_web_cpu" {
  name               = "shop-web-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.shop_web.service_namespace
  scalable_dimension = aws_appautoscaling_target.shop_web.scalable_dimension
  resource_id        = aws_appautoscaling_target.shop_web.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = 70
    scale_out_cooldown = 60
    scale_in_cooldown  = 300
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "shop_web_memory" {
  name               = "shop-web-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.shop_web.service_namespace
  scalable_dimension = aws_appautoscaling_target.shop_web.scalable_dimension
  resource_id        = aws_appautoscaling_target.shop_web.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = 80
    scale_out_cooldown = 60
    scale_in_cooldown  = 300
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
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
      image     = "nginx:1.27"
      essential = true
      portMappings = [
        {
          containerPort = 80
          hostPort      = 80
          protocol      = "tcp"
          name          = "http"
        },
      ]
      environment = [
        {
          name  = "GREETING"
          value = "hello"
        },
      ]
    },
  ])
}
