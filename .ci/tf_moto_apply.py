#!/usr/bin/env python3
"""Applies a kube2ecs Terraform configuration to moto (a local AWS stand-in on 127.0.0.1) with the
real hashicorp/aws provider from the machine's local mirror, then reads back what it registered.
Usage: tf_moto_apply.py TERRAFORM_DIR EXPECTED_TASK_FAMILIES...

`terraform validate` checks names and types against the provider schema; only an apply shows that
the provider accepts the values and the resources can be created in order. The configuration is
copied, and an override file points the provider at moto (the output itself is not changed).
Variables without a default get the VPC, subnet and cluster made in moto, a certificate from moto's
ACM for the certificate_arn_* ones, an EFS file system made in moto for efs_file_system_id, and a
placeholder otherwise. Exit 0 when the apply completes and every expected task definition family is
registered and every ECS service, Application Auto Scaling scalable target and scaling policy, EFS
access point (in that file system) and EventBridge Scheduler schedule exists.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from moto_account import Account, start

# moto's server, with one correction: moto refuses a second Cloud Map private DNS namespace in a VPC
# (ConflictingDomainExists) whatever its name; AWS refuses only a namespace of the same name
# (NamespaceAlreadyExists), and kube2ecs makes one per Kubernetes namespace, all in one VPC
MOTO_SERVER = """
import sys
import moto.servicediscovery.models as cloudmap
from moto.server import main

original = cloudmap.ServiceDiscoveryBackend.create_private_dns_namespace

def create_private_dns_namespace(self, name, *args, **kwargs):
    others = [n for n in self.namespaces.values() if n.name != name]
    vpcs = [n.vpc for n in others]
    for n in others:
        n.vpc = None
    try:
        return original(self, name, *args, **kwargs)
    finally:
        for n, vpc in zip(others, vpcs):
            n.vpc = vpc

cloudmap.ServiceDiscoveryBackend.create_private_dns_namespace = create_private_dns_namespace

# moto has no tagging for Application Auto Scaling (ListTagsForResource answers 500), which the provider
# reads after creating a scalable target, retrying until its timeout: tags kept in memory stand in
import json
from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
scaling_tags = {}

def tag_resource(self):
    scaling_tags.setdefault(self._get_param("ResourceARN"), {}).update(self._get_param("Tags") or {})
    return "{}"

def untag_resource(self):
    for key in self._get_param("TagKeys") or []:
        scaling_tags.get(self._get_param("ResourceARN"), {}).pop(key, None)
    return "{}"

def list_tags_for_resource(self):
    return json.dumps({"Tags": scaling_tags.get(self._get_param("ResourceARN"), {})})

ApplicationAutoScalingResponse.tag_resource = tag_resource
ApplicationAutoScalingResponse.untag_resource = untag_resource
ApplicationAutoScalingResponse.list_tags_for_resource = list_tags_for_resource
main(["-H", "127.0.0.1", "-p", sys.argv[1]])
"""

SERVICES = ["acm", "applicationautoscaling", "ec2", "ecs", "efs", "elbv2", "iam", "kms", "logs", "scheduler", "secretsmanager",
            "servicediscovery", "ssm", "sts"]


def plugin_dir():
    for root in glob.glob("/opt/*") + glob.glob("/usr/local/share/*") + glob.glob("/usr/share/*"):
        if os.path.isdir(os.path.join(root, "registry.terraform.io", "hashicorp", "aws")):
            return root
    sys.exit("no local terraform provider mirror found")


def variables(directory):
    """name -> (type, has a default) for every variable the configuration declares."""
    found = {}
    for path in glob.glob(os.path.join(directory, "*.tf")):
        text = open(path, encoding="utf-8").read()
        for match in re.finditer(r'^variable "([^"]+)" \{\n(.*?)^\}', text, re.M | re.S):
            body = match.group(2)
            kind = re.search(r"^\s*type\s*=\s*(\S+)", body, re.M)
            found[match.group(1)] = (kind.group(1) if kind else "string", re.search(r"^\s*default\s*=", body, re.M) is not None)
    return found


def hcl(value):
    if isinstance(value, list):
        return "[" + ", ".join(hcl(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(source, families):
    work = tempfile.mkdtemp(prefix="tf-moto-")
    env = dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true")  # the execution role attaches AmazonECSTaskExecutionRolePolicy
    server, endpoint = start(lambda port: [sys.executable, "-c", MOTO_SERVER, str(port)], env=env)
    try:
        account = Account(endpoint)
        session, ec2, ecs, vpc, subnet = account.session, account.ec2, account.ecs, account.vpc, account.subnet
        acm = session.client("acm", endpoint_url=endpoint)

        efs = session.client("efs", endpoint_url=endpoint)
        file_system = None

        config = os.path.join(work, "config")
        shutil.copytree(source, config)
        known = {"cluster": "kube2ecs", "region": "us-east-1", "vpc_id": vpc, "vpc_cidr": "10.0.0.0/16",
                 "subnet_ids": [subnet], "public_subnet_ids": [subnet]}
        lines = []
        for name, (kind, has_default) in sorted(variables(config).items()):
            if has_default:
                continue
            if name in known:
                value = known[name]
            elif name == "efs_file_system_id":
                # the EFS file system is the user's, like the VPC: one made in moto stands in for it, so the
                # access points are created in a file system that exists (moto would also take a made-up id)
                file_system = value = efs.create_file_system(CreationToken="kube2ecs", Encrypted=True)["FileSystemId"]
            elif name.startswith("certificate_arn"):
                value = acm.request_certificate(DomainName="example.com")["CertificateArn"]
            elif kind.startswith("list"):
                value = ["placeholder"]
            elif kind == "number":
                value = 1
            else:
                value = "placeholder"
            lines.append(f"{name} = {hcl(value)}")
        # security groups the input names by id (a SecurityGroupPolicy's) exist in the account, not in moto
        stand_ins = {}  # one per group, however many files name it
        for path in sorted(glob.glob(os.path.join(config, "*.tf"))):
            text = open(path, encoding="utf-8").read()
            for group in sorted(set(re.findall(r'"(sg-[0-9a-f]{8,17})"', text))):
                if group not in stand_ins:
                    stand_ins[group] = ec2.create_security_group(GroupName=group, Description="stands in for " + group,
                                                                 VpcId=vpc)["GroupId"]
                    print(f"security group {group} of the input stands in as {stand_ins[group]}")
                text = text.replace(f'"{group}"', f'"{stand_ins[group]}"')
            open(path, "w", encoding="utf-8").write(text)
        with open(os.path.join(config, "moto.auto.tfvars"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        endpoints = "\n".join(f'    {s} = "{endpoint}"' for s in SERVICES)
        with open(os.path.join(config, "moto_override.tf"), "w", encoding="utf-8") as f:
            f.write('provider "aws" {\n  access_key = "test"\n  secret_key = "test"\n  skip_credentials_validation = true\n'
                    f'  skip_metadata_api_check = true\n  endpoints {{\n{endpoints}\n  }}\n}}\n')

        terraform_env = dict(os.environ, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                             TF_CLI_CONFIG_FILE=os.path.join(work, "terraformrc"))
        open(terraform_env["TF_CLI_CONFIG_FILE"], "w").close()
        for command in (["terraform", "init", "-input=false", "-no-color", f"-plugin-dir={plugin_dir()}"],
                        ["terraform", "apply", "-auto-approve", "-input=false", "-no-color"]):
            run = subprocess.run(command, cwd=config, env=terraform_env, capture_output=True, text=True)
            if os.environ.get("TF_MOTO_LOG"):
                open(os.environ["TF_MOTO_LOG"], "a").write(run.stdout + run.stderr)
            if run.returncode != 0:
                print(f"{command[1]} failed:\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
                return 1
            if command[1] == "apply":
                summary = [line for line in run.stdout.splitlines() if line.startswith("Apply complete!")]
                print(summary[0] if summary else "apply: no summary line")

        registered = sorted({arn.split("/")[-1].split(":")[0] for arn in ecs.list_task_definitions()["taskDefinitionArns"]})
        services = ecs.list_services(cluster="kube2ecs", maxResults=100)["serviceArns"]
        declared_services = sum(len(re.findall(r'^resource "aws_ecs_service" ', open(p, encoding="utf-8").read(), re.M))
                                for p in glob.glob(os.path.join(config, "*.tf")))
        print(f"task definitions registered: {', '.join(registered)}; ECS services: {len(services)} of {declared_services}")
        scaling = session.client("application-autoscaling", endpoint_url=endpoint)
        targets = [t for page in scaling.get_paginator("describe_scalable_targets").paginate(ServiceNamespace="ecs")
                   for t in page["ScalableTargets"]]
        policies = [p for page in scaling.get_paginator("describe_scaling_policies").paginate(ServiceNamespace="ecs")
                    for p in page["ScalingPolicies"]]
        declared_targets, declared_policies = (sum(len(re.findall(rf'^resource "{kind}" ', open(p, encoding="utf-8").read(), re.M))
                                                   for p in glob.glob(os.path.join(config, "*.tf")))
                                               for kind in ("aws_appautoscaling_target", "aws_appautoscaling_policy"))
        if declared_targets or declared_policies:
            print(f"scalable targets: {len(targets)} of {declared_targets} ({', '.join(sorted(t['ResourceId'] for t in targets))}); "
                  f"scaling policies: {len(policies)} of {declared_policies}")
        declared_access_points = sum(len(re.findall(r'^resource "aws_efs_access_point" ', open(p, encoding="utf-8").read(), re.M))
                                     for p in glob.glob(os.path.join(config, "*.tf")))
        # a profile's file system (a variable with a default) is not in moto, which accepts the made-up id
        access_points = [a for a in efs.describe_access_points()["AccessPoints"] if file_system in (None, a["FileSystemId"])]
        if declared_access_points:
            print(f"EFS access points in {file_system}: {len(access_points)} of {declared_access_points} "
                  f"({', '.join(sorted(a['RootDirectory']['Path'] for a in access_points))})")
        schedules = session.client("scheduler", endpoint_url=endpoint).list_schedules()["Schedules"]
        declared_schedules = sum(len(re.findall(r'^resource "aws_scheduler_schedule" ', open(p, encoding="utf-8").read(), re.M))
                                 for p in glob.glob(os.path.join(config, "*.tf")))
        if declared_schedules:
            print(f"schedules: {len(schedules)} of {declared_schedules} ({', '.join(sorted(s['Name'] for s in schedules))})")
        missing = [f for f in families if f not in registered]
        if missing or len(access_points) != declared_access_points or len(services) != declared_services or len(targets) != declared_targets or len(policies) != declared_policies \
                or len(schedules) != declared_schedules:
            print(f"missing task definitions: {missing}")
            return 1
        print(f"{len(families)} passed, 0 failed")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
