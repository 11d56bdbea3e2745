resource "aws_ecs_service" "default_worker" {
  name                               = "default-worker"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.default_worker.arn
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
  depends_on = [aws_iam_role_policy.execution_secrets, aws_iam_role_policy_attachment.execution]
}

resource "aws_ecs_task_definition" "default_worker" {
  family                   = "default-worker"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name       = "worker"
      image      = "busybox:1.36"
      essential  = true
      entryPoint = ["sh", "-c", "echo $${HOME} %%{if x}y%%{endif} \"quoted\" back\\slash"]
      environment = [
        {
          name  = "TEMPLATE"
          value = "$${var.not_a_reference}"
        },
        {
          name  = "YAML_YES"
          value = "yes"
        },
        {
          name  = "YAML_OCTAL"
          value = "0123"
        },
        {
          name  = "YAML_FLOAT"
          value = "1e3"
        },
        {
          name  = "YAML_ALIAS"
          value = "*star"
        },
        {
          name  = "YAML_ANCHOR"
          value = "&anchor"
        },
      ]
      secrets = [
        {
          name      = "SCRIPT"
          valueFrom = aws_ssm_parameter.default_configmap_scripts_start_sh.arn
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_worker.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
}

resource "aws_cloudwatch_log_group" "default_worker" {
  name              = "/ecs/default/worker"
  retention_in_days = 30
}
