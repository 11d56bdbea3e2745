resource "aws_service_discovery_private_dns_namespace" "game_2048_game_2048_svc_cluster_local" {
  name = "game-2048.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "game_2048_service_2048" {
  name = "service-2048"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.game_2048_game_2048_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "game_2048_tasks" {
  name        = "game-2048-tasks"
  description = "ECS tasks of namespace game-2048"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "game_2048_tasks_all" {
  security_group_id = aws_security_group.game_2048_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "game_2048_tasks_1" {
  security_group_id            = aws_security_group.game_2048_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.game_2048_tasks.id
  description                  = "Service service-2048"
}

resource "aws_vpc_security_group_ingress_rule" "game_2048_tasks_2" {
  security_group_id            = aws_security_group.game_2048_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.lb_ingress_game_2048_ingress_2048.id
  description                  = "load balancer game-2048-ingress-2048"
}

resource "aws_lb_target_group" "game_2048_ingress_game_2048_ingress_2048_service_2048_80" {
  name        = "game-2048-ingress-2048-25504063"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}
