variable "cluster" {
  description = "ECS cluster name or ARN"
  type        = string
  default     = "shop"
}

variable "execution_role_arn" {
  description = "ECS task execution role (pulls images, writes logs, reads secrets)"
  type        = string
  default     = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
}

variable "region" {
  description = "AWS region to deploy to"
  type        = string
  default     = "eu-west-1"
}

variable "subnet_ids" {
  description = "subnets the tasks run in (private subnets with NAT or VPC endpoints)"
  type        = list(string)
  default     = ["subnet-0a1b2c3d"]
}

variable "vpc_id" {
  description = "VPC the tasks run in"
  type        = string
  default     = "vpc-0a1b2c3d"
}
