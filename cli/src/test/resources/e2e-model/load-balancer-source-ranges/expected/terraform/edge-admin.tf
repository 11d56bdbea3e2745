resource "aws_ecs_service" "edge_admin" {
  name                               = "edge-admin"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.edge_admin.arn
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
    security_groups  = [aws_security_group.edge_tasks.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.edge_service_admin_9000.arn
    container_name   = "admin"
    container_port   = 9000
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.edge_service_legacy_9001.arn
    container_name   = "admin"
    container_port   = 9000
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.edge_service_typo_9002.arn
    container_name   = "admin"
    container_port   = 9000
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.edge_ingress_portal_admin_9000.arn
    container_name   = "admin"
    container_port   = 9000
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.edge_ingress_edge_site_admin_9000.arn
    container_name   = "admin"
    container_port   = 9000
  }
  service_registries {
    registry_arn = aws_service_discovery_service.edge_admin.arn
  }
  depends_on = [aws_iam_role_policy_attachment.execution, aws_lb_listener.edge_service_admin_9000, aws_lb_listener.edge_service_legacy_9001, aws_lb_listener.edge_service_typo_9002, aws_lb_listener.ingress_edge_site_80, aws_lb_listener.ingress_portal_80]
}

resource "aws_ecs_task_definition" "edge_admin" {
  family                   = "edge-admin"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "admin"
      image     = "example/admin:1"
      essential = true
      portMappings = [
        {
          containerPort = 9000
          hostPort      = 9000
          protocol      = "tcp"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.edge_admin.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "edge_admin" {
  name              = "/ecs/edge/admin"
  retention_in_days = 30
}
