#!/usr/bin/env bash
# Creates the SSM parameters and Secrets Manager secrets the task definitions read.
# Secret values are not in this file: export the variables named below before running it
# (or source the file written by kube2ecs --include-secret-values). Needs the AWS CLI and jq.
set -euo pipefail
aws ssm put-parameter --overwrite --name '/kube2ecs/default/configmap/scripts/start.sh' --type String --value '#!/bin/sh
echo "home is ${HOME}" \
  && printf '\''%{not a directive}\n'\''
'
