output "service_shop_web" {
  value = aws_ecs_service.shop_web.name
}
