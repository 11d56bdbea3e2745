output "service_edge_admin" {
  value = aws_ecs_service.edge_admin.name
}

output "service_edge_api" {
  value = aws_ecs_service.edge_api.name
}

output "load_balancer_ingress_edge_site" {
  value = aws_lb.ingress_edge_site.dns_name
}

output "load_balancer_ingress_portal" {
  value = aws_lb.ingress_portal.dns_name
}

output "load_balancer_edge_service_admin" {
  value = aws_lb.edge_service_admin.dns_name
}

output "load_balancer_edge_service_api" {
  value = aws_lb.edge_service_api.dns_name
}

output "load_balancer_edge_service_legacy" {
  value = aws_lb.edge_service_legacy.dns_name
}

output "load_balancer_edge_service_typo" {
  value = aws_lb.edge_service_typo.dns_name
}

output "namespace_edge_edge_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.edge_edge_svc_cluster_local.id
}
