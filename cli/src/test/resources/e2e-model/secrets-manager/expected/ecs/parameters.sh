#!/usr/bin/env bash
# Creates the SSM parameters and Secrets Manager secrets the task definitions read.
# Secret values are not in this file: export the variables named below before running it
# (or source the file written by kube2ecs --include-secret-values). Needs the AWS CLI and jq.
set -euo pipefail
aws secretsmanager create-secret --name 'kube2ecs/shop/db' --kms-key-id 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' --secret-string "$(jq -n --arg k_password "${SECRET_SHOP_DB_PASSWORD:?set it to the secret value}" --arg k_username "${SECRET_SHOP_DB_USERNAME:?set it to the secret value}" '{"password": $k_password, "username": $k_username}')"
