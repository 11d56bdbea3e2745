resource "aws_service_discovery_private_dns_namespace" "default_default_svc_cluster_local" {
  name = "default.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "default_tool" {
  name = "tool"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "default_lb_service_tool" {
  name        = "default-tool-lb"
  description = "load balancer default-tool"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "default_lb_service_tool_all" {
  security_group_id = aws_security_group.default_lb_service_tool.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "default_lb_service_tool_1" {
  security_group_id = aws_security_group.default_lb_service_tool.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = var.vpc_cidr
  description       = "clients in the VPC, port 80"
}

resource "aws_security_group" "default_tasks" {
  name        = "default-tasks"
  description = "ECS tasks of namespace default"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "default_tasks_all" {
  security_group_id = aws_security_group.default_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "default_tasks_1" {
  security_group_id            = aws_security_group.default_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.default_tasks.id
  description                  = "Service tool"
}

resource "aws_vpc_security_group_ingress_rule" "default_tasks_2" {
  security_group_id            = aws_security_group.default_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.default_lb_service_tool.id
  description                  = "load balancer default-tool"
}

resource "aws_lb" "default_service_tool" {
  name               = "default-tool"
  load_balancer_type = "application"
  internal           = true
  ip_address_type    = "ipv4"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.default_lb_service_tool.id]
}

resource "aws_lb_listener" "default_service_tool_80" {
  load_balancer_arn = aws_lb.default_service_tool.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_service_tool_80.arn
  }
}

resource "aws_lb_target_group" "default_service_tool_80" {
  name        = "default-tool-80"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}
