resource "aws_service_discovery_private_dns_namespace" "default_default_svc_cluster_local" {
  name = "default.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "default_details" {
  name = "details"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  tags = {
    app     = "details"
    service = "details"
  }
}

resource "aws_service_discovery_service" "default_productpage" {
  name = "productpage"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  tags = {
    app     = "productpage"
    service = "productpage"
  }
}

resource "aws_service_discovery_service" "default_ratings" {
  name = "ratings"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  tags = {
    app     = "ratings"
    service = "ratings"
  }
}

resource "aws_service_discovery_service" "default_reviews" {
  name = "reviews"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  tags = {
    app     = "reviews"
    service = "reviews"
  }
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
  from_port                    = 9080
  to_port                      = 9080
  referenced_security_group_id = aws_security_group.default_tasks.id
  description                  = "Service details"
}

resource "aws_vpc_security_group_ingress_rule" "default_tasks_2" {
  security_group_id            = aws_security_group.default_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9080
  to_port                      = 9080
  referenced_security_group_id = aws_security_group.lb_ingress_default_gateway.id
  description                  = "load balancer default-gateway"
}

resource "aws_lb_target_group" "default_ingress_default_gateway_productpage_9080" {
  name        = "default-gateway-productpage-9080"
  port        = 9080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}
