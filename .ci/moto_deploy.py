#!/usr/bin/env python3
"""Deploys a kube2ecs CloudFormation template into moto (a local AWS stand-in on 127.0.0.1) and
reads back what it registered. Usage: moto_deploy.py TEMPLATE EXPECTED_TASK_FAMILIES...

Prints the resource types moto's CloudFormation skipped (it does not model them), so the check
says what it could not verify. Exit 0 when every expected task definition family is registered.
"""
import json
import socket
import subprocess
import sys
import time

import boto3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(template_path, families):
    port = free_port()
    server = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        endpoint = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
        ec2 = session.client("ec2", endpoint_url=endpoint)
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
        ecs = session.client("ecs", endpoint_url=endpoint)
        ecs.create_cluster(clusterName="kube2ecs")
        cfn = session.client("cloudformation", endpoint_url=endpoint)
        with open(template_path, encoding="utf-8") as f:
            body = f.read()
        declared = set()
        import yaml  # PyYAML, a dependency of cfn-lint and moto
        parsed = yaml.safe_load(body)
        values = {"VpcId": vpc, "SubnetIds": subnet, "Cluster": "kube2ecs", "SecurityGroupIds": "", "PublicSubnetIds": subnet}
        parameters = [{"ParameterKey": k, "ParameterValue": values.get(k, "placeholder")}
                      for k, spec in parsed.get("Parameters", {}).items() if "Default" not in spec]
        for resource in parsed["Resources"].values():
            declared.add(resource["Type"])
        # moto's CloudFormation has no Cloud Map resources: take them out (and the references to them)
        unsupported = {"AWS::ServiceDiscovery::Service", "AWS::ServiceDiscovery::PrivateDnsNamespace"}
        removed = sorted({r["Type"] for r in parsed["Resources"].values() if r["Type"] in unsupported})
        parsed["Resources"] = {k: v for k, v in parsed["Resources"].items() if v["Type"] not in unsupported}
        for resource in parsed["Resources"].values():
            if resource["Type"] == "AWS::ECS::Service":
                resource["Properties"].pop("ServiceRegistries", None)
        body = json.dumps(parsed)
        print("removed before deploying (moto does not model them): " + (", ".join(removed) if removed else "none"))
        cfn.create_stack(StackName="kube2ecs", TemplateBody=body, Parameters=parameters, Capabilities=["CAPABILITY_IAM"])
        status = cfn.describe_stacks(StackName="kube2ecs")["Stacks"][0]["StackStatus"]
        created = {r["ResourceType"] for r in cfn.list_stack_resources(StackName="kube2ecs")["StackResourceSummaries"]}
        registered = sorted(arn.split("/")[-1].split(":")[0] for arn in ecs.list_task_definitions()["taskDefinitionArns"])
        print(f"stack status: {status}")
        print(f"task definitions registered: {', '.join(registered)}")
        skipped = sorted(declared - created)
        print("resource types moto did not create, so not checked this way: " + (", ".join(skipped) if skipped else "none"))
        missing = [f for f in families if f not in registered]
        if missing or status not in ("CREATE_COMPLETE",):
            print(f"missing task definitions: {missing}")
            return 1
        print(f"{len(families)} passed, 0 failed")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
