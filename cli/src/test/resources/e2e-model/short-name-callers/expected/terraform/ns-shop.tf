resource "aws_service_discovery_private_dns_namespace" "shop_shop_svc_cluster_local" {
  name = "shop.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "shop_redis" {
  name = "redis"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "shop_tasks" {
  name        = "shop-tasks"
  description = "ECS tasks of namespace shop"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "shop_tasks_all" {
  security_group_id = aws_security_group.shop_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "shop_tasks_1" {
  security_group_id            = aws_security_group.shop_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.shop_tasks.id
  description                  = "Service redis"
}
