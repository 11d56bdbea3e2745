resource "aws_security_group" "lb_ingress_public" {
  name        = "public-lb"
  description = "load balancer public"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_public_all" {
  security_group_id = aws_security_group.lb_ingress_public.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_public_1" {
  security_group_id = aws_security_group.lb_ingress_public.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
  description       = "clients on the internet, port 80"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_public_2" {
  security_group_id = aws_security_group.lb_ingress_public.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  description       = "clients on the internet, port 443"
}

resource "aws_lb" "ingress_public" {
  name               = "public"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.lb_ingress_public.id]
}

resource "aws_lb_listener" "ingress_public_80" {
  load_balancer_arn = aws_lb.ingress_public.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      status_code = "HTTP_301"
      protocol    = "HTTPS"
      port        = "443"
      host        = "#{host}"
      path        = "/#{path}"
    }
  }
}

resource "aws_lb_listener" "ingress_public_443" {
  load_balancer_arn = aws_lb.ingress_public.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ops_ingress_public_admin_9000.arn
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_1" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_public_web_80.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/cart"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_2" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 2
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_public_web_80.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/static", "/static/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_3" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 3
  action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "503"
      message_body = "back soon"
    }
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/old/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_4" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 4
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_public_web_canary_80.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/beta", "/beta/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_5" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 5
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_public_web_80.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_6" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 6
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_ingress_public_web_80.arn
  }
  condition {
    host_header {
      values = ["*.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_public_443_7" {
  listener_arn = aws_lb_listener.ingress_public_443.arn
  priority     = 7
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ops_ingress_public_admin_9000.arn
  }
  condition {
    host_header {
      values = ["admin.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/api", "/api/*"]
    }
  }
}
