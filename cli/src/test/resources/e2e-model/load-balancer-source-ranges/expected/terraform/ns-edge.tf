resource "aws_service_discovery_private_dns_namespace" "edge_edge_svc_cluster_local" {
  name = "edge.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "edge_admin" {
  name = "admin"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.edge_edge_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "edge_api" {
  name = "api"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.edge_edge_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "edge_legacy" {
  name = "legacy"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.edge_edge_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "edge_typo" {
  name = "typo"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.edge_edge_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "edge_lb_service_admin" {
  name        = "edge-admin-lb"
  description = "load balancer edge-admin"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "edge_lb_service_admin_all" {
  security_group_id = aws_security_group.edge_lb_service_admin.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "edge_lb_service_admin_1" {
  security_group_id = aws_security_group.edge_lb_service_admin.id
  ip_protocol       = "tcp"
  from_port         = 9000
  to_port           = 9000
  cidr_ipv4         = "10.20.0.0/16"
  description       = "clients in 10.20.0.0/16, port 9000"
}

resource "aws_vpc_security_group_ingress_rule" "edge_lb_service_admin_2" {
  security_group_id = aws_security_group.edge_lb_service_admin.id
  ip_protocol       = "tcp"
  from_port         = 9000
  to_port           = 9000
  cidr_ipv4         = "10.30.0.0/16"
  description       = "clients in 10.30.0.0/16, port 9000"
}

resource "aws_security_group" "edge_lb_service_api" {
  name        = "edge-api-lb"
  description = "load balancer edge-api"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "edge_lb_service_api_all" {
  security_group_id = aws_security_group.edge_lb_service_api.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "edge_lb_service_api_1" {
  security_group_id = aws_security_group.edge_lb_service_api.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "203.0.113.0/24"
  description       = "clients in 203.0.113.0/24, port 443"
}

resource "aws_vpc_security_group_ingress_rule" "edge_lb_service_api_2" {
  security_group_id = aws_security_group.edge_lb_service_api.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "198.51.100.0/24"
  description       = "clients in 198.51.100.0/24, port 443"
}

resource "aws_security_group" "edge_lb_service_legacy" {
  name        = "edge-legacy-lb"
  description = "load balancer edge-legacy"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "edge_lb_service_legacy_all" {
  security_group_id = aws_security_group.edge_lb_service_legacy.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_security_group" "edge_lb_service_typo" {
  name        = "edge-typo-lb"
  description = "load balancer edge-typo"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "edge_lb_service_typo_all" {
  security_group_id = aws_security_group.edge_lb_service_typo.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_security_group" "edge_tasks" {
  name        = "edge-tasks"
  description = "ECS tasks of namespace edge"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "edge_tasks_all" {
  security_group_id = aws_security_group.edge_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_1" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.edge_tasks.id
  description                  = "Service admin"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_2" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.edge_lb_service_admin.id
  description                  = "load balancer edge-admin"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_3" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.edge_tasks.id
  description                  = "Service api"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_4" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.edge_lb_service_api.id
  description                  = "load balancer edge-api"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_5" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.edge_lb_service_legacy.id
  description                  = "load balancer edge-legacy"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_6" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.edge_lb_service_typo.id
  description                  = "load balancer edge-typo"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_7" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.lb_ingress_portal.id
  description                  = "load balancer portal"
}

resource "aws_vpc_security_group_ingress_rule" "edge_tasks_8" {
  security_group_id            = aws_security_group.edge_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.lb_ingress_edge_site.id
  description                  = "load balancer edge-site"
}

resource "aws_lb" "edge_service_admin" {
  name               = "edge-admin"
  load_balancer_type = "application"
  internal           = true
  ip_address_type    = "ipv4"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.edge_lb_service_admin.id]
}

resource "aws_lb_listener" "edge_service_admin_9000" {
  load_balancer_arn = aws_lb.edge_service_admin.arn
  port              = 9000
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_service_admin_9000.arn
  }
}

resource "aws_lb" "edge_service_api" {
  name               = "edge-api"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.edge_lb_service_api.id]
}

resource "aws_lb_listener" "edge_service_api_443" {
  load_balancer_arn = aws_lb.edge_service_api.arn
  port              = 443
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_service_api_443.arn
  }
}

resource "aws_lb" "edge_service_legacy" {
  name               = "edge-legacy"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.edge_lb_service_legacy.id]
}

resource "aws_lb_listener" "edge_service_legacy_9001" {
  load_balancer_arn = aws_lb.edge_service_legacy.arn
  port              = 9001
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_service_legacy_9001.arn
  }
}

resource "aws_lb" "edge_service_typo" {
  name               = "edge-typo"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.edge_lb_service_typo.id]
}

resource "aws_lb_listener" "edge_service_typo_9002" {
  load_balancer_arn = aws_lb.edge_service_typo.arn
  port              = 9002
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_service_typo_9002.arn
  }
}

resource "aws_lb_target_group" "edge_ingress_edge_site_admin_9000" {
  name        = "edge-site-admin-9000"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}

resource "aws_lb_target_group" "edge_ingress_portal_admin_9000" {
  name        = "edge-portal-admin-9000"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}

resource "aws_lb_target_group" "edge_service_admin_9000" {
  name        = "edge-admin-9000"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}

resource "aws_lb_target_group" "edge_service_api_443" {
  name        = "edge-api-443"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}

resource "aws_lb_target_group" "edge_service_legacy_9001" {
  name        = "edge-legacy-9001"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}

resource "aws_lb_target_group" "edge_service_typo_9002" {
  name        = "edge-typo-9002"
  port        = 9000
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}
