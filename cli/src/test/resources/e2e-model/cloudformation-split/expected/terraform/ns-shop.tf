resource "aws_service_discovery_private_dns_namespace" "shop_shop_svc_cluster_local" {
  name = "shop.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "shop_legacy" {
  name = "legacy"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "shop_web" {
  name = "web"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "shop_web_canary" {
  name = "web-canary"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "shop_web_headless" {
  name = "web-headless"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_service_discovery_service" "shop_web_public" {
  name = "web-public"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}

resource "aws_security_group" "shop_lb_service_web_public" {
  name        = "shop-web-public-lb"
  description = "load balancer shop-web-public"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "shop_lb_service_web_public_all" {
  security_group_id = aws_security_group.shop_lb_service_web_public.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "shop_lb_service_web_public_1" {
  security_group_id = aws_security_group.shop_lb_service_web_public.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  description       = "clients on the internet, port 443"
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
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.shop_tasks.id
  description                  = "Service web"
}

resource "aws_vpc_security_group_ingress_rule" "shop_tasks_2" {
  security_group_id            = aws_security_group.shop_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.shop_lb_service_web_public.id
  description                  = "load balancer shop-web-public"
}

resource "aws_vpc_security_group_ingress_rule" "shop_tasks_3" {
  security_group_id            = aws_security_group.shop_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.lb_ingress_public.id
  description                  = "load balancer public"
}

resource "aws_lb" "shop_service_web_public" {
  name               = "shop-web-public"
  load_balancer_type = "network"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.shop_lb_service_web_public.id]
}

resource "aws_lb_listener" "shop_service_web_public_443" {
  load_balancer_arn = aws_lb.shop_service_web_public.arn
  port              = 443
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_service_web_public_443.arn
  }
}

resource "aws_lb_target_group" "shop_ingress_public_web_canary_80" {
  name        = "shop-public-web-canary-80"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled             = true
    path                = "/ready"
    protocol            = "HTTP"
    interval            = 20
    timeout             = 2
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "shop_ingress_public_web_80" {
  name        = "shop-public-web-80"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled             = true
    path                = "/ready"
    protocol            = "HTTP"
    interval            = 20
    timeout             = 2
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "shop_service_web_public_443" {
  name        = "shop-web-public-443"
  port        = 8080
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled             = true
    path                = "/ready"
    protocol            = "HTTP"
    interval            = 15
    timeout             = 2
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_ssm_parameter" "shop_secret_db_password" {
  name             = "/kube2ecs/shop/secret/db/password"
  type             = "SecureString"
  tier             = "Standard"
  value_wo         = var.secret_shop_db_password
  value_wo_version = 1
}
