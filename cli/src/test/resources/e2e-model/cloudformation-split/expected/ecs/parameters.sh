#!/usr/bin/env bash
# Creates the SSM parameters and Secrets Manager secrets the task definitions read; safe to run again.
# Secret values are not in this file: export the variables it names first (or
# `set -a; . secret-values.env; set +a` with the file kube2ecs --include-secret-values writes).
# Needs the AWS CLI and jq.
set -euo pipefail
require() { [[ -n "${!1:-}" ]] || { echo "set $1 to the secret value" >&2; exit 1; }; }
# the request goes through a private temporary file: never a command argument, and the AWS CLI v1
# reads --cli-input-json twice, which a pipe cannot serve
aws_json() {
  local file status=0
  file=$(mktemp)
  chmod 600 "$file"
  cat >"$file"
  aws "$@" --cli-input-json "file://$file" >/dev/null || status=$?
  rm -f "$file"
  return $status
}
put_secret() {
  local string
  string=$(jq -n "$2")
  if aws secretsmanager describe-secret --secret-id "$1" >/dev/null 2>&1; then
    SECRET_STRING="$string" jq -n --arg id "$1" '{SecretId: $id, SecretString: env.SECRET_STRING}' | aws_json secretsmanager put-secret-value
  else
    SECRET_STRING="$string" jq -n --arg name "$1" '{Name: $name, SecretString: env.SECRET_STRING}' | aws_json secretsmanager create-secret
  fi
}
require SECRET_SHOP_DB_PASSWORD
jq -n --arg name '/kube2ecs/shop/secret/db/password' '{Name: $name, Value: env.SECRET_SHOP_DB_PASSWORD, Type: "SecureString", Overwrite: true}' | aws_json ssm put-parameter
