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
