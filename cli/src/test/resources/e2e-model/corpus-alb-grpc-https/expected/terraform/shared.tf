resource "aws_security_group" "lb_ingress_grpcserver_grpcserver" {
  name        = "grpcserver-grpcserver-lb"
  description = "load balancer grpcserver-grpcserver"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "lb_ingress_grpcserver_grpcserver_all" {
  security_group_id = aws_security_group.lb_ingress_grpcserver_grpcserver.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_grpcserver_grpcserver_1" {
  security_group_id = aws_security_group.lb_ingress_grpcserver_grpcserver.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
  description       = "clients on the internet, port 80"
}

resource "aws_vpc_security_group_ingress_rule" "lb_ingress_grpcserver_grpcserver_2" {
  security_group_id = aws_security_group.lb_ingress_grpcserver_grpcserver.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
  description       = "clients on the internet, port 443"
}

resource "aws_lb" "ingress_grpcserver_grpcserver" {
  name               = "grpcserver-grpcserver"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = "ipv4"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.lb_ingress_grpcserver_grpcserver.id]
  tags = {
    app         = "grpcserver"
    environment = "dev"
  }
}

resource "aws_lb_listener" "ingress_grpcserver_grpcserver_80" {
  load_balancer_arn = aws_lb.ingress_grpcserver_grpcserver.arn
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

resource "aws_lb_listener" "ingress_grpcserver_grpcserver_443" {
  load_balancer_arn = aws_lb.ingress_grpcserver_grpcserver.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn_grpcserver_grpcserver
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "ingress_grpcserver_grpcserver_443_1" {
  listener_arn = aws_lb_listener.ingress_grpcserver_grpcserver_443.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.grpcserver_ingress_grpcserver_grpcserver_grpcserver_50051.arn
  }
  condition {
    host_header {
      values = ["grpcserver.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/helloworld.Greeter", "/helloworld.Greeter/*"]
    }
  }
}
