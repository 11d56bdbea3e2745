#!/usr/bin/env python3
"""Validates every create-schedule.json under the given folders against EventBridge Scheduler's CreateSchedule
input in botocore's model (shapes, required members, types, enum values), as ../shared/tools/check-ecs-json
does for the ECS files (it skips this one). Placeholders stay as they are: the model has no patterns to refuse
them. Usage: check_schedules.py PATH...   Last line "N passed, M failed"; exit 1 on a failure, 2 when none found.
"""
import json
import os
import sys

import botocore.session
from botocore.validate import ParamValidator


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
    return errors


def main(paths):
    shape = botocore.session.get_session().get_service_model("scheduler").operation_model("CreateSchedule").input_shape
    files = sorted(os.path.join(root, name) for path in paths for root, _, names in os.walk(path)
                   for name in names if name == "create-schedule.json")
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            params = json.load(f)
        report = ParamValidator().validate(params, shape)
        # every line of the report is a problem (the "Parameter validation failed" header is the exception's)
        problems = [line.strip() for line in report.generate_report().splitlines() if line.strip()] if report.has_errors() else []
        problems += enum_errors(params, shape, "$")
        for problem in problems:
            print(f"{path}: {problem}")
        bad += 1 if problems else 0
    if not files:
        print("0 files checked: no create-schedule.json found")
        return 2
    print(f"{len(files) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
