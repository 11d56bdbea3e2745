resource "aws_ecs_service" "shop_web" {
  name                               = "shop-web"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_web.arn
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
    security_groups  = [aws_security_group.shop_tasks.id]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
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
      image     = "example/web:1"
      essential = true
      environment = [
        {
          name  = "CACHE"
          value = "redis:6379"
        },
        {
          name  = "CACHE_URL"
          value = "http://redis/0"
        },
        {
          name  = "CACHE_HOST"
          value = "redis"
        },
        {
          name  = "CACHE_FULL"
          value = "redis.shop.svc.cluster.local:6379"
        },
        {
          name  = "OTHER"
          value = "redis-cache:6379"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_web.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_web" {
  name              = "/ecs/shop/web"
  retention_in_days = 30
}
