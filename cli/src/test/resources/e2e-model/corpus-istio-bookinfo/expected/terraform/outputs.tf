output "service_default_details_v1" {
  value = aws_ecs_service.default_details_v1.name
}

output "service_default_productpage_v1" {
  value = aws_ecs_service.default_productpage_v1.name
}

output "service_default_ratings_v1" {
  value = aws_ecs_service.default_ratings_v1.name
}

output "service_default_reviews_v1" {
  value = aws_ecs_service.default_reviews_v1.name
}

output "service_default_reviews_v2" {
  value = aws_ecs_service.default_reviews_v2.name
}

output "service_default_reviews_v3" {
  value = aws_ecs_service.default_reviews_v3.name
}

output "load_balancer_ingress_default_gateway" {
  value = aws_lb.ingress_default_gateway.dns_name
}

output "namespace_default_default_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.default_default_svc_cluster_local.id
}
