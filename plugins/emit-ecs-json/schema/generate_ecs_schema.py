#!/usr/bin/env python3
"""Generate JSON Schema (draft-07) files for ECS API request bodies.

Reads the official Amazon ECS API model shipped with botocore
(botocore/data/ecs/<apiVersion>/service-2.json) and writes one schema per
operation input shape:

  register-task-definition.schema.json  <- RegisterTaskDefinition input
  create-service.schema.json            <- CreateService input
  run-task.schema.json                  <- RunTask input
  create-schedule.schema.json           <- CreateSchedule input (the EventBridge
                                           Scheduler model, botocore/data/scheduler)

Usage: python3 generate_ecs_schema.py [OUTDIR]
Default OUTDIR: ../src/test/resources/ecs-schema (relative to this script).

Mapping (every reachable shape becomes one entry in "definitions", referenced
via {"$ref": "#/definitions/<ShapeName>"}; this also handles recursion):
  structure -> object, properties, required, additionalProperties: false
               (a structure flagged "document": true accepts any JSON value)
  list      -> array, items, minItems/maxItems
  map       -> object, additionalProperties: <value>, propertyNames constraints
  string    -> string, enum, minLength/maxLength ("pattern" is dropped: the
               model uses Java/ICU regexes that are not necessarily ECMA 262)
  integer/long -> integer, minimum/maximum ("box" is ignored)
  double/float -> number, minimum/maximum
  boolean   -> boolean; timestamp, blob -> string
Documentation is omitted; each definition carries its shape name as "title".
Output is deterministic (sorted keys, indent 2, trailing newline).
"""

import json
import os
import sys

import botocore
import botocore.session

SERVICE_NAMES = {"ecs": "ECS", "scheduler": "EventBridge Scheduler"}
SCRIPT_REL_PATH = "plugins/emit-ecs-json/schema/generate_ecs_schema.py"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"

OPERATIONS = [
    ("ecs", "RegisterTaskDefinition", "register-task-definition.schema.json"),
    ("ecs", "CreateService", "create-service.schema.json"),
    ("ecs", "RunTask", "run-task.schema.json"),
    ("scheduler", "CreateSchedule", "create-schedule.schema.json"),
]


def default_outdir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(
        os.path.join(here, os.pardir, "src", "test", "resources", "ecs-schema"))


def load_model(service):
    session = botocore.session.get_session()
    loader = session.get_component("data_loader")
    return loader.load_service_model(service, "service-2")


def ref(name):
    return {"$ref": "#/definitions/" + name}


def shape_schema(name, shape):
    t = shape["type"]
    s = {"title": name}
    if t == "structure":
        if shape.get("document"):
            # Smithy document type: arbitrary JSON value.
            s["$comment"] = "document type: any JSON value"
            return s
        members = shape.get("members", {})
        s["type"] = "object"
        s["properties"] = {m: ref(spec["shape"]) for m, spec in members.items()}
        required = sorted(shape.get("required", []))
        if required:
            s["required"] = required
        s["additionalProperties"] = False
    elif t == "list":
        s["type"] = "array"
        s["items"] = ref(shape["member"]["shape"])
        if "min" in shape:
            s["minItems"] = int(shape["min"])
        if "max" in shape:
            s["maxItems"] = int(shape["max"])
    elif t == "map":
        s["type"] = "object"
        s["additionalProperties"] = ref(shape["value"]["shape"])
    elif t == "string":
        s["type"] = "string"
        if "enum" in shape:
            s["enum"] = list(shape["enum"])
        if "min" in shape:
            s["minLength"] = int(shape["min"])
        if "max" in shape:
            s["maxLength"] = int(shape["max"])
    elif t in ("integer", "long"):
        s["type"] = "integer"
        if "min" in shape:
            s["minimum"] = int(shape["min"])
        if "max" in shape:
            s["maximum"] = int(shape["max"])
    elif t in ("double", "float"):
        s["type"] = "number"
        if "min" in shape:
            s["minimum"] = shape["min"]
        if "max" in shape:
            s["maximum"] = shape["max"]
    elif t == "boolean":
        s["type"] = "boolean"
    elif t in ("timestamp", "blob"):
        s["type"] = "string"
    else:
        raise ValueError("unsupported shape type %r for shape %s" % (t, name))
    return s


def map_key_constraints(key_shape):
    pn = {}
    if "enum" in key_shape:
        pn["enum"] = list(key_shape["enum"])
    if "min" in key_shape:
        pn["minLength"] = int(key_shape["min"])
    if "max" in key_shape:
        pn["maxLength"] = int(key_shape["max"])
    return pn


def referenced_shapes(shape):
    t = shape["type"]
    if t == "structure":
        return [m["shape"] for m in shape.get("members", {}).values()]
    if t == "list":
        return [shape["member"]["shape"]]
    if t == "map":
        return [shape["key"]["shape"], shape["value"]["shape"]]
    return []


def build_schema(model, service, operation):
    shapes = model["shapes"]
    root = model["operations"][operation]["input"]["shape"]
    definitions = {}
    stack = [root]
    seen = set()
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        if shape["type"] == "map":
            # Key constraints are inlined as propertyNames; the key shape
            # itself need not become a definition.
            sch = shape_schema(name, shape)
            pn = map_key_constraints(shapes[shape["key"]["shape"]])
            if pn:
                sch["propertyNames"] = pn
            definitions[name] = sch
            stack.append(shape["value"]["shape"])
            continue
        definitions[name] = shape_schema(name, shape)
        stack.extend(referenced_shapes(shape))

    api_version = model["metadata"]["apiVersion"]
    return {
        "$schema": DRAFT_07,
        "$comment": (
            "Generated from botocore %s %s service model apiVersion %s "
            "(botocore/data/%s/%s/service-2.json), input shape of operation "
            "%s, by %s. Do not edit by hand; re-run the script instead."
            % (botocore.__version__, SERVICE_NAMES[service], api_version, service,
               api_version, operation, SCRIPT_REL_PATH)),
        "title": root,
        "$ref": "#/definitions/" + root,
        "definitions": definitions,
    }


def write_json(path, obj):
    text = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        sys.stderr.write("usage: %s [OUTDIR]\n" % os.path.basename(argv[0]))
        return 2
    outdir = argv[1] if len(argv) == 2 else default_outdir()
    os.makedirs(outdir, exist_ok=True)
    for service, operation, filename in OPERATIONS:
        path = os.path.join(outdir, filename)
        schema = build_schema(load_model(service), service, operation)
        write_json(path, schema)
        print("wrote %s (%d definitions)" % (path, len(schema["definitions"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
