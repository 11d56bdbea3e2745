resource "aws_efs_access_point" "shop_uploads" {
  file_system_id = var.efs_file_system_id
  posix_user {
    gid = 2000
    uid = 1000
  }
  root_directory {
    path = "/kube2ecs/shop/uploads"
    creation_info {
      owner_gid   = 2000
      owner_uid   = 1000
      permissions = "2775"
    }
  }
  tags = {
    Name = "shop-uploads"
    team = "storefront"
  }
}
