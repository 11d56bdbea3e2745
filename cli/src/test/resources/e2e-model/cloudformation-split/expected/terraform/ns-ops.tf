resource "aws_service_discovery_private_dns_namespace" "ops_ops_svc_cluster_local" {
  name = "ops.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "ops_admin" {
  name = "admin"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.ops_ops_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "ops_tasks" {
  name        = "ops-tasks"
  description = "ECS tasks of namespace ops"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "ops_tasks_all" {
  security_group_id = aws_security_group.ops_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "ops_tasks_1" {
  security_group_id            = aws_security_group.ops_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.ops_tasks.id
  description                  = "Service admin"
}

resource "aws_vpc_security_group_ingress_rule" "ops_tasks_2" {
  security_group_id            = aws_security_group.ops_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.lb_ingress_public.id
  description                  = "load balancer public"
}

resource "aws_lb_target_group" "ops_ingress_public_admin_9000" {
  name        = "ops-public-admin-9000"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}
