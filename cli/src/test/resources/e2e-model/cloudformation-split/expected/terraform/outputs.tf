output "service_ops_admin" {
  value = aws_ecs_service.ops_admin.name
}

output "service_shop_web" {
  value = aws_ecs_service.shop_web.name
}

output "load_balancer_ingress_public" {
  value = aws_lb.ingress_public.dns_name
}

output "load_balancer_shop_service_web_public" {
  value = aws_lb.shop_service_web_public.dns_name
}

output "namespace_ops_ops_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.ops_ops_svc_cluster_local.id
}

output "namespace_shop_shop_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
}
