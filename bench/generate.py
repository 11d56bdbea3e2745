#!/usr/bin/env python3
"""Deterministic synthetic applications for the benchmark: python3 generate.py COUNT OUTDIR [NAMESPACES].

Each application (one file): a Deployment with two containers (resources, env from a ConfigMap
and a Secret, named ports, liveness and readiness probes, rolling strategy), a Service (every
tenth of type LoadBalancer), a ConfigMap with 5 keys, a Secret with 3 keys, a ServiceAccount with
an IAM role annotation, and every twentieth an Ingress with two paths; spread over NAMESPACES
namespaces (default 10; CI uses 1 to put more than 500 CloudFormation resources in one namespace).
"""
import os
import sys

TEMPLATE = """apiVersion: v1
kind: ServiceAccount
metadata:
  name: app{i}
  namespace: ns{ns}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/app{i}
---
apiVersion: v1
kind: ConfigMap
metadata: {{name: app{i}, namespace: ns{ns}}}
data: {{LOG_LEVEL: info, FEATURE_A: "on", FEATURE_B: "off", UPSTREAM: "http://app{up}.ns{ns}.svc.cluster.local", TIMEOUT: "30"}}
---
apiVersion: v1
kind: Secret
metadata: {{name: app{i}, namespace: ns{ns}}}
stringData: {{DB_PASSWORD: pw{i}, API_KEY: key{i}, TOKEN: tok{i}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {{name: app{i}, namespace: ns{ns}, labels: {{app: app{i}}}}}
spec:
  replicas: 3
  strategy: {{type: RollingUpdate, rollingUpdate: {{maxSurge: 1, maxUnavailable: 0}}}}
  selector: {{matchLabels: {{app: app{i}}}}}
  template:
    metadata: {{labels: {{app: app{i}}}}}
    spec:
      serviceAccountName: app{i}
      containers:
      - name: web
        image: registry.example.com/app{i}:1.0.{i}
        ports: [{{name: http, containerPort: 8080}}]
        envFrom: [{{configMapRef: {{name: app{i}}}}}]
        env:
        - name: DB_PASSWORD
          valueFrom: {{secretKeyRef: {{name: app{i}, key: DB_PASSWORD}}}}
        resources: {{requests: {{cpu: 250m, memory: 256Mi}}, limits: {{memory: 512Mi}}}}
        livenessProbe: {{httpGet: {{path: /healthz, port: http}}, periodSeconds: 10}}
        readinessProbe: {{httpGet: {{path: /ready, port: http}}, periodSeconds: 5}}
      - name: sidecar
        image: envoyproxy/envoy:v1.30.1
        ports: [{{name: admin, containerPort: 9901}}]
        resources: {{requests: {{cpu: 100m, memory: 128Mi}}}}
---
apiVersion: v1
kind: Service
metadata: {{name: app{i}, namespace: ns{ns}}}
spec:
  type: {type}
  selector: {{app: app{i}}}
  ports: [{{name: http, port: 80, targetPort: http}}]
"""

INGRESS = """---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {{name: app{i}, namespace: ns{ns}}}
spec:
  ingressClassName: alb
  rules:
  - host: app{i}.example.com
    http:
      paths:
      - {{path: /api, pathType: Prefix, backend: {{service: {{name: app{i}, port: {{number: 80}}}}}}}}
      - {{path: /, pathType: Prefix, backend: {{service: {{name: app{i}, port: {{name: http}}}}}}}}
"""


def main(count, out, namespaces=10):
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        text = TEMPLATE.format(i=i, ns=i % namespaces, up=(i + 10) % count, type="LoadBalancer" if i % 10 == 0 else "ClusterIP")
        if i % 20 == 0:
            text += INGRESS.format(i=i, ns=i % namespaces)
        with open(os.path.join(out, f"app{i:05d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], *map(int, sys.argv[3:4]))
