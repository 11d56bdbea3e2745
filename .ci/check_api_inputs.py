#!/usr/bin/env python3
"""Validates every AWS API input the ECS JSON target writes against its operation in botocore's model
(shapes, required members, types, enum values):

  task-definition.json       ecs RegisterTaskDefinition
  service.json               ecs CreateService
  run-task.json              ecs RunTask
  create-schedule.json       scheduler CreateSchedule
  scalable-target.json       application-autoscaling RegisterScalableTarget
  scaling-policy-*.json      application-autoscaling PutScalingPolicy
  _efs/*.json                efs CreateAccessPoint

../shared/tools/check-ecs-json checks the first two, and a file with exactly one problem passes it: it drops
the first line of botocore's report, taking it for the header that only botocore's exception adds. This
check runs beside it in CI. Placeholders stay as they are: the model has no patterns to refuse them.
Usage: check_api_inputs.py PATH...   Last line "N passed, M failed"; exit 1 on a failure, 2 when none found.
"""
import json
import os
import sys

import botocore.session
from botocore.validate import ParamValidator

BY_NAME = {
    "task-definition.json": ("ecs", "RegisterTaskDefinition"),
    "service.json": ("ecs", "CreateService"),
    "run-task.json": ("ecs", "RunTask"),
    "create-schedule.json": ("scheduler", "CreateSchedule"),
    "scalable-target.json": ("application-autoscaling", "RegisterScalableTarget"),
}


def operation_of(path):
    name = os.path.basename(path)
    if name in BY_NAME:
        return BY_NAME[name]
    if name.startswith("scaling-policy-") and name.endswith(".json"):
        return "application-autoscaling", "PutScalingPolicy"
    if os.path.basename(os.path.dirname(path)) == "_efs" and name.endswith(".json"):
        return "efs", "CreateAccessPoint"
    return None


def enum_errors(value, shape, path):
    """ParamValidator does not check enums."""
    errors = []
    if getattr(shape, "enum", None) and isinstance(value, str) and value not in shape.enum:
        errors.append(f"{path}: {value!r} is not one of {sorted(shape.enum)}")
    if shape.type_name == "structure" and isinstance(value, dict):
        for key, sub in value.items():
            if key in shape.members:
                errors += enum_errors(sub, shape.members[key], f"{path}.{key}")
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            errors += enum_errors(item, shape.member, f"{path}[{i}]")
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, sub in value.items():
            errors += enum_errors(sub, shape.value, f"{path}.{key}")
    return errors


def problems_of(params, shape):
    report = ParamValidator().validate(params, shape)
    # every line of the report is a problem (the "Parameter validation failed" header is the exception's)
    problems = [line.strip() for line in report.generate_report().splitlines() if line.strip()] if report.has_errors() else []
    return problems + enum_errors(params, shape, "$")


def main(paths):
    session = botocore.session.get_session()
    shapes = {}
    files = sorted(os.path.join(root, name) for path in paths for root, _, names in os.walk(path) for name in names)
    checked = bad = 0
    counts = {}
    for path in files:
        operation = operation_of(path)
        if operation is None:
            continue
        if operation not in shapes:
            shapes[operation] = session.get_service_model(operation[0]).operation_model(operation[1]).input_shape
        checked += 1
        counts[operation[1]] = counts.get(operation[1], 0) + 1
        try:
            with open(path, encoding="utf-8") as f:
                params = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{path}: not readable JSON: {e}")
            bad += 1
            continue
        problems = problems_of(params, shapes[operation])
        for problem in problems:
            print(f"{path}: {problem}")
        bad += 1 if problems else 0
    if checked == 0:
        print("0 files checked: no API input found")
        return 2
    print("checked: " + ", ".join(f"{operation} {count}" for operation, count in sorted(counts.items())))
    print(f"{checked - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
