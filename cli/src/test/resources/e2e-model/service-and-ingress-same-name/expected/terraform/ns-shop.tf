resource "aws_service_discovery_private_dns_namespace" "shop_shop_svc_cluster_local" {
  name = "shop.svc.cluster.local"
  vpc  = var.vpc_id
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

resource "aws_security_group" "shop_lb_service_web" {
  name        = "shop-web-lb"
  description = "load balancer shop-web"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "shop_lb_service_web_all" {
  security_group_id = aws_security_group.shop_lb_service_web.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "shop_lb_service_web_1" {
  security_group_id = aws_security_group.shop_lb_service_web.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = var.vpc_cidr
  description       = "clients in the VPC, port 80"
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
  referenced_security_group_id = aws_security_group.shop_lb_service_web.id
  description                  = "load balancer shop-web"
}

resource "aws_vpc_security_group_ingress_rule" "shop_tasks_3" {
  security_group_id            = aws_security_group.shop_tasks.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.lb_ingress_shop_web.id
  description                  = "load balancer shop-web-ingress"
}

resource "aws_lb" "shop_service_web" {
  name               = "shop-web"
  load_balancer_type = "application"
  internal           = true
  ip_address_type    = "ipv4"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.shop_lb_service_web.id]
}

resource "aws_lb_listener" "shop_service_web_80" {
  load_balancer_arn = aws_lb.shop_service_web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_service_web_80.arn
  }
}

resource "aws_lb_target_group" "shop_ingress_shop_web_web_80" {
  name        = "shop-web-web-80"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}

resource "aws_lb_target_group" "shop_service_web_80" {
  name        = "shop-web-80"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    enabled = true
  }
}
