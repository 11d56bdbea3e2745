#!/usr/bin/env bash
# Creates the SSM parameters and Secrets Manager secrets the task definitions read.
# Secret values are not in this file: export the variables named below before running it
# (or source the file written by kube2ecs --include-secret-values). Needs the AWS CLI and jq.
set -euo pipefail
aws ssm put-parameter --overwrite --name '/kube2ecs/default/configmap/nginx-conf/mime.types' --type String --value 'types {}'
aws ssm put-parameter --overwrite --name '/kube2ecs/default/configmap/nginx-conf/nginx.conf' --type String --value 'events {}
http { server { listen 8080; } }
'
aws ssm put-parameter --overwrite --name '/kube2ecs/default/secret/tls/tls.key' --type SecureString --value "${SECRET_DEFAULT_TLS_TLS_KEY:?set it to the secret value}"
