resource "aws_ecs_service" "default_web" {
  name                               = "default-web"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.default_web.arn
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
    security_groups  = [aws_security_group.default_tasks.id]
    assign_public_ip = false
  }
  depends_on = [aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "default_web" {
  family                   = "default-web"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  task_role_arn            = aws_iam_role.default_task_web.arn
  container_definitions = jsonencode([
    {
      name       = "kube2ecs-config-files"
      image      = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
      essential  = false
      entryPoint = ["/bin/sh", "-c"]
      command    = ["set -eu\nmkdir -p \"$(dirname '/kube2ecs-config/conf/nginx.conf')\"\naws ssm get-parameter --with-decryption --name '/kube2ecs/default/configmap/nginx-conf/nginx.conf' --query Parameter.Value --output text > '/kube2ecs-config/conf/nginx.conf'\nchmod 0600 '/kube2ecs-config/conf/nginx.conf'\nmkdir -p \"$(dirname '/kube2ecs-config/certs/tls.key')\"\naws ssm get-parameter --with-decryption --name '/kube2ecs/default/secret/tls/tls.key' --query Parameter.Value --output text > '/kube2ecs-config/certs/tls.key'\nchmod 0400 '/kube2ecs-config/certs/tls.key'"]
      mountPoints = [
        {
          sourceVolume  = "conf"
          containerPath = "/kube2ecs-config/conf"
          readOnly      = false
        },
        {
          sourceVolume  = "certs"
          containerPath = "/kube2ecs-config/certs"
          readOnly      = false
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_web.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
    {
      name      = "nginx"
      image     = "nginx:1.27"
      essential = true
      mountPoints = [
        {
          sourceVolume  = "conf"
          containerPath = "/kube2ecs-config/conf"
          readOnly      = false
        },
        {
          sourceVolume  = "certs"
          containerPath = "/etc/certs"
          readOnly      = true
        },
      ]
      dependsOn = [
        {
          containerName = "kube2ecs-config-files"
          condition     = "SUCCESS"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_web.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  volume {
    name = "conf"
  }
  volume {
    name = "certs"
  }
}

resource "aws_iam_role" "default_task_web" {
  name = "default-web-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "default_task_web" {
  name = "least-privilege"
  role = aws_iam_role.default_task_web.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameter"]
        Resource = [aws_ssm_parameter.default_configmap_nginx_conf_nginx_conf.arn, aws_ssm_parameter.default_secret_tls_tls_key.arn]
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "default_web" {
  name              = "/ecs/default/web"
  retention_in_days = 30
}
