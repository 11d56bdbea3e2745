output "service_shop_billing" {
  value = aws_ecs_service.shop_billing.name
}

output "service_shop_orders" {
  value = aws_ecs_service.shop_orders.name
}

output "service_shop_postgres" {
  value = aws_ecs_service.shop_postgres.name
}
