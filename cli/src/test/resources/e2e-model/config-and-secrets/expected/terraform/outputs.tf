output "service_shop_api" {
  value = aws_ecs_service.shop_api.name
}
