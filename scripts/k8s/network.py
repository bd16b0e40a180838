"""NetworkPolicies: nothing reaches or leaves a pod unless named here.

- Every pod: DNS, and MongoDB (27017) and Redis (6379), which run outside this base.
- A service is reached by the services that call it (their URL settings name it), the gateway
  (its status panel asks every service's /health), Traefik for those the IngressRoute routes to,
  and Prometheus on its metrics port. Workers and beat are reached by Prometheus only.
- Only the pods that call third parties (REACHES_INTERNET) leave the cluster, on 80 and 443,
  and never to private, link-local or metadata addresses.
"""

import json
from typing import Any
from urllib.parse import urlsplit

from router.routing import ROUTING_TABLE
from scripts.k8s.model import REACHES_INTERNET, Workload, k8s_name
from scripts.k8s.workloads import PART_OF, Manifest, selector
from scripts.services import SERVICES

TRAEFIK_NAMESPACE = "traefik"
MONITORING_NAMESPACE = "monitoring"
PRIVATE_NETWORKS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"]
DATASTORE_PORTS = (27017, 6379)
SOCKETS = {service.compose_name for service in SERVICES if service.kind == "socket"}
# What Traefik sends requests to: the gateway's `/`, the router's table, the sockets, and the
# router itself (forwardAuth's exchange).
EDGE_ROUTED = {"gateway", "router", *(service for _, service in ROUTING_TABLE), *SOCKETS}


def namespace_is(name: str) -> dict[str, Any]:
    return {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": name}}}


def pods_named(name: str) -> dict[str, Any]:
    return {"podSelector": {"matchLabels": {"app.kubernetes.io/name": name}}}


def tcp(*ports: int | str) -> list[dict[str, Any]]:
    return [{"protocol": "TCP", "port": port} for port in ports]


def policy(name: str, spec: dict[str, Any]) -> Manifest:
    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": name, "labels": {"app.kubernetes.io/part-of": PART_OF}},
        "spec": spec,
    }


def shared_policies() -> list[Manifest]:
    everyone: dict[str, Any] = {"podSelector": {}}
    dns = [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}]
    return [
        policy("default-deny", {**everyone, "policyTypes": ["Ingress", "Egress"]}),
        policy(
            "dns-and-datastores",
            {
                **everyone,
                "policyTypes": ["Egress"],
                "egress": [
                    {"to": [namespace_is("kube-system")], "ports": dns},
                    {"ports": tcp(*DATASTORE_PORTS)},
                ],
            },
        ),
    ]


def callers(workloads: list[Workload]) -> dict[str, set[str]]:
    """Compose name -> the k8s names of the workloads that call it (workers included: the
    queue manager's groups and the notifications worker call services too)."""
    found: dict[str, set[str]] = {service.compose_name: set() for service in SERVICES}
    for workload in workloads:
        for called in called_by_workload(workload):
            found[called.replace("-", "_")].add(workload.name)
    return found


def ingress(workload: Workload, called_by: set[str]) -> list[dict[str, Any]]:
    if not workload.port:
        return []  # beat: nothing to ask it
    port_name = "http" if workload.serves_http else "metrics"
    rules = [{"from": [namespace_is(MONITORING_NAMESPACE)], "ports": tcp(port_name)}]
    if not workload.serves_http:
        return rules
    sources = [pods_named(k8s_name(name)) for name in sorted(called_by | {"gateway"})]
    if workload.container in EDGE_ROUTED:
        sources.append(namespace_is(TRAEFIK_NAMESPACE))
    return [*rules, {"from": sources, "ports": tcp("http")}]


def egress(workload: Workload, called: set[str]) -> list[dict[str, Any]]:
    ports = {service.compose_name: service.port for service in SERVICES}
    rules = [
        {"to": [pods_named(name)], "ports": tcp(ports[name.replace("-", "_")])}
        for name in sorted(called)
    ]
    if workload.container in REACHES_INTERNET or workload.name in REACHES_INTERNET:
        outside = {"ipBlock": {"cidr": "0.0.0.0/0", "except": PRIVATE_NETWORKS}}
        rules.append({"to": [outside], "ports": tcp(80, 443)})
    return rules


def workload_policy(workload: Workload, called: set[str], called_by: set[str]) -> Manifest:
    return policy(
        workload.name,
        {
            "podSelector": {"matchLabels": selector(workload)},
            "policyTypes": ["Ingress", "Egress"],
            "ingress": ingress(workload, called_by),
            "egress": egress(workload, called),
        },
    )


def called_by_workload(workload: Workload) -> set[str]:
    """The k8s names of the services the workload calls: the hosts of its URL settings (a
    worker's are the queue manager's), a JSON map of them included (the gateway's panel)."""
    urls: list[str] = []
    for value in workload.config.values():
        urls += json.loads(value).values() if value.startswith("{") else [value]
    return {urlsplit(url).hostname or "" for url in urls if url.startswith("http://")}


def network_policies(workloads: list[Workload]) -> list[Manifest]:
    who_calls = callers(workloads)
    return shared_policies() + [
        workload_policy(
            workload,
            called_by_workload(workload),
            who_calls.get(workload.container, set()) if workload.serves_http else set(),
        )
        for workload in workloads
    ]
