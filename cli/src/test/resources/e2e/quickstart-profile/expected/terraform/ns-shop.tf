resource "aws_service_discovery_private_dns_namespace" "shop_shop_svc_cluster_local" {
  name = "shop.svc.cluster.local"
  vpc  = var.vpc_id
}

resource "aws_service_discovery_service" "shop_redis" {
  name = "redis"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  tags = {
    migrated-by = "kube2ecs"
  }
}

resource "aws_service_discovery_service" "shop_web" {
  name = "web"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  tags = {
    migrated-by = "kube2ecs"
  }
}
