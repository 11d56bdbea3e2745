resource "aws_ecs_service" "shop_catalog" {
  name                               = "shop-catalog"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.shop_catalog.arn
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
  service_connect_configuration {
    enabled   = true
    namespace = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.arn
    service {
      port_name      = "catalog-80"
      discovery_name = "catalog"
      client_alias {
        port     = 80
        dns_name = "catalog"
      }
    }
    service {
      port_name      = "catalog-80"
      discovery_name = "catalog-v2"
      client_alias {
        port     = 80
        dns_name = "catalog-v2"
      }
    }
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "shop_catalog" {
  family                   = "shop-catalog"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "catalog"
      image     = "example/catalog:1"
      essential = true
      portMappings = [
        {
          containerPort = 8080
          hostPort      = 8080
          protocol      = "tcp"
          name          = "catalog-80"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_catalog.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_catalog" {
  name              = "/ecs/shop/catalog"
  retention_in_days = 30
}
