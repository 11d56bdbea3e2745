resource "aws_security_group" "hotel_tasks" {
  name        = "hotel-tasks"
  description = "ECS tasks of namespace hotel"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "hotel_tasks_all" {
  security_group_id = aws_security_group.hotel_tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound traffic"
}

resource "aws_efs_access_point" "hotel_geo_pvc" {
  file_system_id = var.efs_file_system_id
  posix_user {
    gid = 999
    uid = 999
  }
  root_directory {
    path = "/kube2ecs/hotel/geo-pvc"
    creation_info {
      owner_gid   = 999
      owner_uid   = 999
      permissions = "2775"
    }
  }
  tags = {
    Name = "hotel-geo-pvc"
  }
}

resource "aws_efs_access_point" "hotel_media" {
  file_system_id = var.efs_file_system_id
  posix_user {
    gid = 0
    uid = 1000
  }
  root_directory {
    path = "/kube2ecs/hotel/media"
    creation_info {
      owner_gid   = 0
      owner_uid   = 1000
      permissions = "0755"
    }
  }
  tags = {
    Name = "hotel-media"
    team = "content"
  }
}
