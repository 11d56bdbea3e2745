resource "aws_security_group" "lb_ingress_default_gateway" {
  name        = "default-gateway-lb"
  description = "load balancer default-gateway"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_default_gateway_all" {
  security_group_id = aws_security_group.lb_ingress_default_gateway.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_default_gateway_1" {
  security_group_id = aws_security_group.lb_ingress_default_gateway.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = var.vpc_cidr
  description       = "clients in the VPC, port 80"
}

resource "aws_lb" "ingress_default_gateway" {
  name               = "default-gateway"
  load_balancer_type = "application"
  internal           = true
  ip_address_type    = "ipv4"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.lb_ingress_default_gateway.id]
}

resource "aws_lb_listener" "ingress_default_gateway_80" {
  load_balancer_arn = aws_lb.ingress_default_gateway.arn
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

resource "aws_lb_listener_rule" "ingress_default_gateway_80_1" {
  listener_arn = aws_lb_listener.ingress_default_gateway_80.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_ingress_default_gateway_productpage_9080.arn
  }
  condition {
    path_pattern {
      values = ["/productpage"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_default_gateway_80_2" {
  listener_arn = aws_lb_listener.ingress_default_gateway_80.arn
  priority     = 2
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_ingress_default_gateway_productpage_9080.arn
  }
  condition {
    path_pattern {
      values = ["/logout"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_default_gateway_80_3" {
  listener_arn = aws_lb_listener.ingress_default_gateway_80.arn
  priority     = 3
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_ingress_default_gateway_productpage_9080.arn
  }
  condition {
    path_pattern {
      values = ["/login"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_default_gateway_80_4" {
  listener_arn = aws_lb_listener.ingress_default_gateway_80.arn
  priority     = 4
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_ingress_default_gateway_productpage_9080.arn
  }
  condition {
    path_pattern {
      values = ["/api/v1/products", "/api/v1/products/*"]
    }
  }
}

resource "aws_lb_listener_rule" "ingress_default_gateway_80_5" {
  listener_arn = aws_lb_listener.ingress_default_gateway_80.arn
  priority     = 5
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default_ingress_default_gateway_productpage_9080.arn
  }
  condition {
    path_pattern {
      values = ["/static", "/static/*"]
    }
  }
}
