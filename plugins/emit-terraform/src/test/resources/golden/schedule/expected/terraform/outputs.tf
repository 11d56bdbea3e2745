output "service_shop_web" {
  value = aws_ecs_service.shop_web.name
}

output "service_shop_worker" {
  value = aws_ecs_service.shop_worker.name
}
