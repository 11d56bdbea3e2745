resource "aws_security_group" "lb_ingress_shop_public" {
  name        = "shop-public-lb"
  description = "load balancer shop-public"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_shop_public_all" {
  security_group_id = aws_security_group.lb_ingress_shop_public.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_shop_public_1" {
  security_group_id = aws_security_group.lb_ingress_shop_public.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
  description       = "clients on the internet, port 80"
}

resource "aws_lb" "ingress_shop_public" {
  name               = "shop-public"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.lb_ingress_shop_public.id]
}

resource "aws_lb_listener" "ingress_shop_public_80" {
  load_balancer_arn = aws_lb.ingress_shop_public.arn
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

resource "aws_lb_listener_rule" "ingress_shop_public_80_1" {
  listener_arn = aws_lb_listener.ingress_shop_public_80.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_shop_public_web_80.arn
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}
