output "service_game_2048_deployment_2048" {
  value = aws_ecs_service.game_2048_deployment_2048.name
}

output "load_balancer_ingress_game_2048_ingress_2048" {
  value = aws_lb.ingress_game_2048_ingress_2048.dns_name
}

output "namespace_game_2048_game_2048_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.game_2048_game_2048_svc_cluster_local.id
}
