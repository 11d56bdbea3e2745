resource "aws_security_group" "lb_ingress_edge_site" {
  name        = "edge-site-lb"
  description = "load balancer edge-site"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_edge_site_all" {
  security_group_id = aws_security_group.lb_ingress_edge_site.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_edge_site_1" {
  security_group_id = aws_security_group.lb_ingress_edge_site.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "192.0.2.0/24"
  description       = "clients in 192.0.2.0/24, port 80"
}

resource "aws_security_group" "lb_ingress_portal" {
  name        = "portal-lb"
  description = "load balancer portal"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_portal_all" {
  security_group_id = aws_security_group.lb_ingress_portal.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_portal_1" {
  security_group_id = aws_security_group.lb_ingress_portal.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "198.51.100.0/24"
  description       = "clients in 198.51.100.0/24, port 80"
}

resource "aws_lb" "ingress_edge_site" {
  name               = "edge-site"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.lb_ingress_edge_site.id]
}

resource "aws_lb_listener" "ingress_edge_site_80" {
  load_balancer_arn = aws_lb.ingress_edge_site.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_ingress_edge_site_admin_9000.arn
  }
}

resource "aws_lb" "ingress_portal" {
  name               = "portal"
  load_balancer_type = "application"
  internal           = true
  ip_address_type    = "ipv4"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.lb_ingress_portal.id]
}

resource "aws_lb_listener" "ingress_portal_80" {
  load_balancer_arn = aws_lb.ingress_portal.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "ingress_portal_80_1" {
  listener_arn = aws_lb_listener.ingress_portal_80.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_ingress_portal_admin_9000.arn
  }
  condition {
    path_pattern {
      values = ["/a", "/a/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_portal_80_2" {
  listener_arn = aws_lb_listener.ingress_portal_80.arn
  priority     = 2
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.edge_ingress_portal_admin_9000.arn
  }
  condition {
    path_pattern {
      values = ["/b", "/b/*"]
    }
  }
}
