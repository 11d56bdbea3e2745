"""What the moto checks share: a moto server on a free loopback port, and an account in it with
the VPC, subnet and ECS cluster a kube2ecs output is deployed into."""
import socket
import subprocess
import time

import boto3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command, env=None, stderr=subprocess.DEVNULL):
    """Starts COMMAND + [port] style servers: command is a function of the port giving the argv.
    Returns (process, endpoint) once the port accepts connections."""
    port = free_port()
    server = subprocess.Popen(command(port), env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


class Account:
    """A session against the moto endpoint, with a VPC, a subnet and the cluster 'kube2ecs'."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
        self.ec2 = self.client("ec2")
        self.vpc = self.ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        self.subnet = self.ec2.create_subnet(VpcId=self.vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
        self.ecs = self.client("ecs")
        self.ecs.create_cluster(clusterName="kube2ecs")

    def client(self, service):
        return self.session.client(service, endpoint_url=self.endpoint)
