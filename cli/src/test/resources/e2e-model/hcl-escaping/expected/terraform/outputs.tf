output "service_default_worker" {
  value = aws_ecs_service.default_worker.name
}
