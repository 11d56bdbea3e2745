output "service_grpcserver_grpcserver" {
  value = aws_ecs_service.grpcserver_grpcserver.name
}

output "load_balancer_ingress_grpcserver_grpcserver" {
  value = aws_lb.ingress_grpcserver_grpcserver.dns_name
}

output "namespace_grpcserver_grpcserver_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.grpcserver_grpcserver_svc_cluster_local.id
}
