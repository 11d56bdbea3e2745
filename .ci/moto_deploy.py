#!/usr/bin/env python3
"""Deploys a kube2ecs CloudFormation template into moto (a local AWS stand-in on 127.0.0.1) and
reads back what it registered. Usage: moto_deploy.py TEMPLATE EXPECTED_TASK_FAMILIES...

Prints the resource types moto's CloudFormation skipped (it does not model them), so the check
says what it could not verify. The EFS file system the EfsFileSystemId parameter names is made in
moto first (the user provides it, like the VPC). Exit 0 when every expected task definition family
is registered and every EFS access point the templates declare exists in that file system.
"""
import json
import os
import subprocess
import sys

from moto_account import Account, start


def main(template_path, families):
    server, endpoint = start(lambda port: ["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                             stderr=open(os.environ["MOTO_LOG"], "w") if os.environ.get("MOTO_LOG") else subprocess.DEVNULL)
    try:
        account = Account(endpoint)
        session, ecs, vpc, subnet = account.session, account.ecs, account.vpc, account.subnet
        cfn = session.client("cloudformation", endpoint_url=endpoint)
        import yaml  # PyYAML, a dependency of cfn-lint and moto
        with open(template_path, encoding="utf-8") as f:
            parsed = yaml.safe_load(f)
        values = {"VpcId": vpc, "VpcCidr": "10.0.0.0/16", "SubnetIds": subnet, "Cluster": "kube2ecs", "SecurityGroupIds": "", "PublicSubnetIds": subnet}
        # an HTTPS listener needs a certificate that exists: one from moto's ACM for each CertificateArn parameter
        acm = session.client("acm", endpoint_url=endpoint)
        for name in parsed.get("Parameters", {}):
            if name.startswith("CertificateArn"):
                values[name] = acm.request_certificate(DomainName="example.com")["CertificateArn"]
        # the EFS file system is the user's, like the VPC: one made in moto stands in for it, so the access
        # points are created in a file system that exists (moto would also take a made-up id)
        efs = session.client("efs", endpoint_url=endpoint)
        file_system = None
        if "Default" not in parsed.get("Parameters", {}).get("EfsFileSystemId", {"Default": "none used"}):
            file_system = efs.create_file_system(CreationToken="kube2ecs", Encrypted=True)["FileSystemId"]
            values["EfsFileSystemId"] = file_system
        parameters = [{"ParameterKey": k, "ParameterValue": values.get(k, "placeholder")}
                      for k, spec in parsed.get("Parameters", {}).items() if "Default" not in spec]
        # moto's CloudFormation has no Cloud Map resources: take them out (and the references to them)
        unsupported = {"AWS::ServiceDiscovery::Service", "AWS::ServiceDiscovery::PrivateDnsNamespace"}
        declared, removed = set(), set()

        def referenced(value):
            if isinstance(value, dict):
                if "Ref" in value:
                    return {value["Ref"]}
                if "Fn::GetAtt" in value:
                    target = value["Fn::GetAtt"]
                    return {target[0] if isinstance(target, list) else target.split(".")[0]}
                return set().union(*map(referenced, value.values()))
            if isinstance(value, list):
                return set().union(*map(referenced, value))
            return set()

        def strip(template, stripped_outputs=None):
            for resource in template["Resources"].values():
                declared.add(resource["Type"])
            removed.update(r["Type"] for r in template["Resources"].values() if r["Type"] in unsupported)
            gone = {k for k, v in template["Resources"].items() if v["Type"] in unsupported}
            template["Resources"] = {k: v for k, v in template["Resources"].items() if v["Type"] not in unsupported}
            for resource in template["Resources"].values():
                if resource["Type"] == "AWS::ECS::Service":
                    resource["Properties"].pop("ServiceRegistries", None)
            # moto's CloudFormation makes every load balancer an application one (it ignores Type), which
            # refuses an NLB's TCP, UDP or TLS listener: those listeners go, and are named as not checked
            network = {k for k, v in template["Resources"].items() if v["Type"] == "AWS::ElasticLoadBalancingV2::LoadBalancer"
                       and v["Properties"].get("Type") == "network"}
            listeners = {k for k, v in template["Resources"].items() if v["Type"] == "AWS::ElasticLoadBalancingV2::Listener"
                         and referenced(v["Properties"].get("LoadBalancerArn")) & network}
            if listeners:
                removed.add("AWS::ElasticLoadBalancingV2::Listener (of a network load balancer)")
                template["Resources"] = {k: v for k, v in template["Resources"].items() if k not in listeners}
                for resource in template["Resources"].values():
                    depends = resource.get("DependsOn")
                    if isinstance(depends, list):
                        resource["DependsOn"] = [d for d in depends if d not in listeners]
                    elif depends in listeners:
                        del resource["DependsOn"]
            # a part of a namespace exports its Cloud Map ids to the later parts: those outputs go with them
            outputs = template.get("Outputs", {})
            dropped = {k for k, v in outputs.items() if referenced(v["Value"]) & gone}
            if dropped:
                template["Outputs"] = {k: v for k, v in outputs.items() if k not in dropped}
                if stripped_outputs is not None:
                    stripped_outputs.update(dropped)
            return template

        strip(parsed)
        nested = {k: v for k, v in parsed["Resources"].items() if v["Type"] == "AWS::CloudFormation::Stack"}
        if nested:
            # moto's CloudFormation cannot read a nested stack's outputs (Fn::GetAtt Stack.Outputs.X), so
            # each nested template is deployed as a stack of its own, in dependency order, with the
            # parameter values the root template would give it
            def resolve(value, outputs):
                if isinstance(value, str):
                    return value
                if "Ref" in value:
                    return next(p["ParameterValue"] for p in parameters + defaults if p["ParameterKey"] == value["Ref"])
                if "Fn::Join" in value:
                    items = value["Fn::Join"][1]
                    if isinstance(items, dict):
                        return resolve(items, outputs)  # a list parameter, already comma-separated
                    return value["Fn::Join"][0].join(resolve(v, outputs) for v in items)
                stack, attribute = value["Fn::GetAtt"]
                output = attribute[len("Outputs."):]
                if output in stripped_outputs[stack]:
                    return "removed-before-deploying"  # read only by what was removed with it
                return outputs[stack][output]

            defaults = [{"ParameterKey": k, "ParameterValue": spec["Default"]}
                        for k, spec in parsed.get("Parameters", {}).items() if "Default" in spec]
            outputs, stripped_outputs, pending = {}, {}, dict(nested)
            while pending:
                ready = [n for n, r in pending.items()
                         if all(d in outputs for d in r.get("DependsOn", []))
                         and all(v["Fn::GetAtt"][0] in outputs for v in r["Properties"].get("Parameters", {}).values()
                                 if isinstance(v, dict) and "Fn::GetAtt" in v)]
                if not ready:
                    print(f"nested stacks wait on each other: {sorted(pending)}")
                    return 1
                for name in sorted(ready):
                    resource = pending.pop(name)
                    path = os.path.join(os.path.dirname(template_path), resource["Properties"]["TemplateURL"])
                    with open(path, encoding="utf-8") as f:
                        child = strip(yaml.safe_load(f), stripped_outputs.setdefault(name, set()))
                    kept = set(child["Resources"])
                    child_parameters = [{"ParameterKey": k, "ParameterValue": resolve(v, outputs)}
                                        for k, v in resource["Properties"].get("Parameters", {}).items()]
                    cfn.create_stack(StackName=name, TemplateBody=json.dumps(child), Parameters=child_parameters,
                                     Capabilities=["CAPABILITY_IAM"])
                    described = cfn.describe_stacks(StackName=name)["Stacks"][0]
                    outputs[name] = {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])}
                    print(f"nested stack {name}: {described['StackStatus']}, {len(kept)} resources")
            print("removed before deploying (moto does not model them): " + (", ".join(sorted(removed)) if removed else "none"))
            status = "CREATE_COMPLETE"
        else:
            print("removed before deploying (moto does not model them): " + (", ".join(sorted(removed)) if removed else "none"))
            cfn.create_stack(StackName="kube2ecs", TemplateBody=json.dumps(parsed), Parameters=parameters,
                             Capabilities=["CAPABILITY_IAM"])
            status = cfn.describe_stacks(StackName="kube2ecs")["Stacks"][0]["StackStatus"]
        created = set()
        for summary in cfn.list_stacks()["StackSummaries"]:
            for r in cfn.list_stack_resources(StackName=summary["StackId"])["StackResourceSummaries"]:
                created.add(r["ResourceType"])
        statuses = sorted({summary["StackStatus"] for summary in cfn.list_stacks()["StackSummaries"]})
        print(f"stacks: {len(cfn.list_stacks()['StackSummaries'])}, statuses: {', '.join(statuses)}")
        registered = sorted(arn.split("/")[-1].split(":")[0] for arn in ecs.list_task_definitions()["taskDefinitionArns"])
        print(f"stack status: {status}")
        print(f"task definitions registered: {', '.join(registered)}")
        skipped = sorted(declared - created)
        print("resource types moto did not create, so not checked this way: " + (", ".join(skipped) if skipped else "none"))
        declared_access_points = count_declared(template_path, parsed, "AWS::EFS::AccessPoint")
        access_points = efs.describe_access_points()["AccessPoints"] if declared_access_points else []
        if declared_access_points:
            # a profile's file system (a parameter with a default) is not in moto, which accepts the made-up id
            in_file_system = [a for a in access_points if file_system in (None, a["FileSystemId"])]
            print(f"EFS access points in {file_system}: {len(in_file_system)} of {declared_access_points} "
                  f"({', '.join(sorted(a['RootDirectory']['Path'] for a in in_file_system))})")
            access_points = in_file_system
        missing = [f for f in families if f not in registered]
        if missing or status not in ("CREATE_COMPLETE",) or statuses != ["CREATE_COMPLETE"] \
                or len(access_points) != declared_access_points:
            print(f"missing task definitions: {missing}")
            return 1
        print(f"{len(families)} passed, 0 failed")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=10)


def count_declared(template_path, parsed, resource_type):
    """How many resources of the type the template declares, its nested stacks' included."""
    import yaml
    count = sum(1 for r in parsed["Resources"].values() if r["Type"] == resource_type)
    for resource in parsed["Resources"].values():
        if resource["Type"] == "AWS::CloudFormation::Stack":
            with open(os.path.join(os.path.dirname(template_path), resource["Properties"]["TemplateURL"]), encoding="utf-8") as f:
                count += count_declared(template_path, yaml.safe_load(f), resource_type)
    return count


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
