resource "aws_ecs_task_definition" "shop_sweep" {
  family                   = "shop-sweep"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name       = "sweep"
      image      = "busybox:1.36"
      essential  = true
      entryPoint = ["sh", "-c", "echo sweep"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_sweep.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "shop_sweep" {
  name              = "/ecs/shop/sweep"
  retention_in_days = 30
}

resource "aws_iam_role" "shop_sweep_scheduler" {
  name = "shop-sweep-scheduler"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "scheduler.amazonaws.com"
        }
        Action = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "aws:SourceAccount" = data.aws_caller_identity.current.account_id
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "shop_sweep_scheduler" {
  name = "run-task"
  role = aws_iam_role.shop_sweep_scheduler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:RunTask"]
        Resource = ["${aws_ecs_task_definition.shop_sweep.arn_without_revision}:*"]
        Condition = {
          ArnEquals = {
            "ecs:cluster" = startswith(var.cluster, "arn:") ? var.cluster : "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:cluster/${var.cluster}"
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = ["ecs:TagResource"]
        Resource = ["arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:task/*"]
        Condition = {
          StringEquals = {
            "ecs:CreateAction" = "RunTask"
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = [local.execution_role_arn]
      },
    ]
  })
}

resource "aws_scheduler_schedule" "shop_sweep" {
  name                = "shop-sweep"
  schedule_expression = "cron(0 * * * ? *)"
  state               = "DISABLED"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = startswith(var.cluster, "arn:") ? var.cluster : "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:cluster/${var.cluster}"
    role_arn = aws_iam_role.shop_sweep_scheduler.arn
    ecs_parameters {
      task_definition_arn     = aws_ecs_task_definition.shop_sweep.arn
      launch_type             = "FARGATE"
      platform_version        = "LATEST"
      enable_ecs_managed_tags = true
      propagate_tags          = "TASK_DEFINITION"
      network_configuration {
        subnets          = var.subnet_ids
        security_groups  = [aws_security_group.shop_tasks.id]
        assign_public_ip = false
      }
    }
  }
  depends_on = [aws_iam_role_policy.shop_sweep_scheduler, aws_iam_role_policy_attachment.execution]
}
