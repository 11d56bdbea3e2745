resource "aws_security_group" "default_tasks" {
  name        = "default-tasks"
  description = "ECS tasks of namespace default"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "default_tasks_all" {
  security_group_id = aws_security_group.default_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_ssm_parameter" "default_configmap_nginx_conf_mime_types" {
  name  = "/kube2ecs/default/configmap/nginx-conf/mime.types"
  type  = "String"
  tier  = "Standard"
  value = "types {}"
}

resource "aws_ssm_parameter" "default_configmap_nginx_conf_nginx_conf" {
  name  = "/kube2ecs/default/configmap/nginx-conf/nginx.conf"
  type  = "String"
  tier  = "Standard"
  value = "events {}\nhttp { server { listen 8080; } }\n"
}

resource "aws_ssm_parameter" "default_secret_tls_tls_key" {
  name             = "/kube2ecs/default/secret/tls/tls.key"
  type             = "SecureString"
  tier             = "Standard"
  value_wo         = var.secret_default_tls_tls_key
  value_wo_version = 1
}
