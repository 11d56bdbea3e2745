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

resource "aws_ssm_parameter" "default_configmap_scripts_start_sh" {
  name  = "/kube2ecs/default/configmap/scripts/start.sh"
  type  = "String"
  tier  = "Standard"
  value = "#!/bin/sh\necho \"home is $${HOME}\" \\\n  && printf '%%{not a directive}\\n'\n"
}
