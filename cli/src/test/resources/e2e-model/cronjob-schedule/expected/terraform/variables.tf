variable "cluster" {
  description = "ECS cluster name or ARN"
  type        = string
}

variable "execution_role_arn" {
  description = "ECS task execution role (pulls images, writes logs, reads secrets)"
  type        = string
  default     = null
}

variable "region" {
  description = "AWS region to deploy to"
  type        = string
}

variable "subnet_ids" {
  description = "subnets the tasks run in (private subnets with NAT or VPC endpoints)"
  type        = list(string)
}

variable "vpc_id" {
  description = "VPC the tasks run in"
  type        = string
}
