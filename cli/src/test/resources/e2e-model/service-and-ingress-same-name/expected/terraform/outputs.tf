output "service_shop_web" {
  value = aws_ecs_service.shop_web.name
}

output "load_balancer_ingress_shop_web" {
  value = aws_lb.ingress_shop_web.dns_name
}

output "load_balancer_shop_service_web" {
  value = aws_lb.shop_service_web.dns_name
}

output "namespace_shop_shop_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
}
