resource "aws_service_discovery_private_dns_namespace" "grpcserver_grpcserver_svc_cluster_local" {
  name = "grpcserver.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "grpcserver_grpcserver" {
  name = "grpcserver"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.grpcserver_grpcserver_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "grpcserver_tasks" {
  name        = "grpcserver-tasks"
  description = "ECS tasks of namespace grpcserver"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "grpcserver_tasks_all" {
  security_group_id = aws_security_group.grpcserver_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "grpcserver_tasks_1" {
  security_group_id            = aws_security_group.grpcserver_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 50051
  to_port                      = 50051
  referenced_security_group_id = aws_security_group.grpcserver_tasks.id
  description                  = "Service grpcserver"
}

resource "aws_vpc_security_group_ingress_rule" "grpcserver_tasks_2" {
  security_group_id            = aws_security_group.grpcserver_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 50051
  to_port                      = 50051
  referenced_security_group_id = aws_security_group.lb_ingress_grpcserver_grpcserver.id
  description                  = "load balancer grpcserver-grpcserver"
}

resource "aws_lb_target_group" "grpcserver_ingress_grpcserver_grpcserver_grpcserver_50051" {
  name             = "grpcserver-grpcserver-g-b45b8534"
  port             = 50051
  protocol         = "HTTP"
  target_type      = "ip"
  vpc_id           = var.vpc_id
  protocol_version = "GRPC"
  health_check {
    enabled = true
  }
}
