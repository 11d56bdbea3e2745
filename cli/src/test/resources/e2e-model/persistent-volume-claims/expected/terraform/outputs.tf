output "service_hotel_frontend" {
  value = aws_ecs_service.hotel_frontend.name
}

output "service_hotel_mongodb_geo" {
  value = aws_ecs_service.hotel_mongodb_geo.name
}
