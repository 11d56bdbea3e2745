resource "aws_ecs_task_definition" "default_tool" {
  family                   = "default-tool"
  cpu                      = "256"
  memory                   = "512"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  execution_role_arn       = local.execution_role_arn
  container_definitions = jsonencode([
    {
      name      = "tool"
      image     = "example/tool:1"
      essential = true
      portMappings = [
        {
          containerPort = 8080
          hostPort      = 8080
          protocol      = "tcp"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.default_tool.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
  ])
  tags = {
    app = "tool"
  }
}

resource "aws_cloudwatch_log_group" "default_tool" {
  name              = "/ecs/default/tool"
  retention_in_days = 30
}
