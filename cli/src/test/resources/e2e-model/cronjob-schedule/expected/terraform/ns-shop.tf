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
