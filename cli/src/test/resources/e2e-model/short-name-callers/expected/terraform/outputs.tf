output "service_jobs_worker" {
  value = aws_ecs_service.jobs_worker.name
}

output "service_shop_redis" {
  value = aws_ecs_service.shop_redis.name
}

output "service_shop_web" {
  value = aws_ecs_service.shop_web.name
}

output "namespace_shop_shop_svc_cluster_local" {
  value = aws_service_discovery_private_dns_namespace.shop_shop_svc_cluster_local.id
}
