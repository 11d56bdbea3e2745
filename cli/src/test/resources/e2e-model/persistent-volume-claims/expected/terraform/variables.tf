variable "cluster" {
  description = "ECS cluster name or ARN"
  type        = string
  default     = "hotel-prod"
}

variable "efs_file_system_id" {
  description = "EFS file system holding the data of PersistentVolumeClaims (its mount targets must accept NFS, TCP 2049, from the tasks)"
  type        = string
  default     = "fs-0a1b2c3d4e5f67890"
}

variable "execution_role_arn" {
  description = "ECS task execution role (pulls images, writes logs, reads secrets)"
  type        = string
  default     = null
}

variable "region" {
  description = "AWS region to deploy to"
  type        = string
  default     = "eu-west-1"
}

variable "subnet_ids" {
  description = "subnets the tasks run in (private subnets with NAT or VPC endpoints)"
  type        = list(string)
  default     = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]
}

variable "vpc_id" {
  description = "VPC the tasks run in"
  type        = string
  default     = "vpc-0a1b2c3d"
}
