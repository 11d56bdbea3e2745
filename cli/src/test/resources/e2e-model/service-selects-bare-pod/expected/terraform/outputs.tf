output "load_balancer_default_service_tool" {
  value = aws_lb.default_service_tool.dns_name
}

output "namespace_default_default_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
}
