resource "aws_ecs_task_definition" "shop_nightly_report" {
  family                   = "shop-nightly-report"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  task_role_arn            = "arn:aws:iam::123456789012:role/shop-reporter"
  container_definitions = jsonencode([
    {
      name              = "report"
      image             = "example/report:3.1"
      essential         = true
      cpu               = 256
      memoryReservation = 512
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shop_nightly_report.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  tags = {
    app = "nightly-report"
  }
}

resource "aws_cloudwatch_log_group" "shop_nightly_report" {
  name              = "/ecs/shop/nightly-report"
  retention_in_days = 30
}

resource "aws_iam_role" "shop_nightly_report_scheduler" {
  name = "shop-nightly-report-scheduler"
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
  tags = {
    app = "nightly-report"
  }
}

resource "aws_iam_role_policy" "shop_nightly_report_scheduler" {
  name = "run-task"
  role = aws_iam_role.shop_nightly_report_scheduler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:RunTask"]
        Resource = ["${aws_ecs_task_definition.shop_nightly_report.arn_without_revision}:*"]
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
        Resource = [local.execution_role_arn, "arn:aws:iam::123456789012:role/shop-reporter"]
      },
    ]
  })
}

resource "aws_scheduler_schedule" "shop_nightly_report" {
  name                         = "shop-nightly-report"
  schedule_expression          = "cron(30 2 ? * 2-6 *)"
  schedule_expression_timezone = "Europe/Berlin"
  state                        = "ENABLED"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = startswith(var.cluster, "arn:") ? var.cluster : "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:cluster/${var.cluster}"
    role_arn = aws_iam_role.shop_nightly_report_scheduler.arn
    ecs_parameters {
      task_definition_arn     = aws_ecs_task_definition.shop_nightly_report.arn
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
    retry_policy {
      maximum_event_age_in_seconds = 600
    }
  }
  depends_on = [aws_iam_role_policy.shop_nightly_report_scheduler, aws_iam_role_policy_attachment.execution]
}
