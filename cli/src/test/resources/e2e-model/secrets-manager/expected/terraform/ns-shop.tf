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

resource "aws_secretsmanager_secret" "shop_secret_db" {
  name       = "kube2ecs/shop/db"
  kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_secretsmanager_secret_version" "shop_secret_db" {
  secret_id = aws_secretsmanager_secret.shop_secret_db.id
  secret_string_wo = jsonencode({
    password = var.secret_shop_db_password
    username = var.secret_shop_db_username
  })
  secret_string_wo_version = 1
}
