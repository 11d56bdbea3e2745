resource "aws_security_group" "lb_ingress_shop_web" {
  name        = "shop-web-ingress-lb"
  description = "load balancer shop-web-ingress"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_shop_web_all" {
  security_group_id = aws_security_group.lb_ingress_shop_web.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_shop_web_1" {
  security_group_id = aws_security_group.lb_ingress_shop_web.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = var.vpc_cidr
  description       = "clients in the VPC, port 80"
}

resource "aws_lb" "ingress_shop_web" {
  name               = "shop-web-ingress"
  load_balancer_type = "application"
  internal           = true
  ip_address_type    = "ipv4"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.lb_ingress_shop_web.id]
}

resource "aws_lb_listener" "ingress_shop_web_80" {
  load_balancer_arn = aws_lb.ingress_shop_web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_shop_web_web_80.arn
  }
}
