output "service_shop_catalog" {
  value = aws_ecs_service.shop_catalog.name
}

output "service_shop_ui" {
  value = aws_ecs_service.shop_ui.name
}

output "namespace_shop_shop_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
}
