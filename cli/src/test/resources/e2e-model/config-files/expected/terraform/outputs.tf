output "service_default_web" {
  value = aws_ecs_service.default_web.name
}
