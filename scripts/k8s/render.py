"""Writes the kustomize base and overlays in deploy/k8s from the platform's own tables:

    .venv/bin/python -m scripts.k8s            (re)write deploy/k8s
    .venv/bin/python -m scripts.k8s --check    exit 1 when deploy/k8s differs from what it writes
    .venv/bin/python -m scripts.k8s --secrets deploy/k8s/overlays/production
                                               fresh secrets for an overlay (its .env.d/)

The base is generated rather than written by hand: twenty-three workloads differ only by what
the tables say (ports, secrets, queues, callers), and a test (tests/deploy/test_k8s.py) keeps
the files equal to what this writes. Change the tables or scripts/k8s, then run it.
"""

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from scripts.k8s.edge import edge
from scripts.k8s.model import NAMESPACE, workloads
from scripts.k8s.network import network_policies
from scripts.k8s.overlays import OVERLAYS, ceiling_patches, overlay_kustomization
from scripts.k8s.secrets import write_overlay_secrets
from scripts.k8s.workloads import COMMON_CONFIG, FILES_CLAIM, PART_OF, REDIS_SECRET, manifests

ROOT = Path(__file__).resolve().parents[2] / "deploy" / "k8s"
HEADER = "# Written by `python -m scripts.k8s` (scripts/k8s): change that and run it, not this.\n"
# Where MongoDB (a replica set: transactions, change streams) and Redis run; an overlay that
# runs them elsewhere patches platform-common.
MONGO_URL = (
    "mongodb://mongodb-0.mongodb:27017,mongodb-1.mongodb:27017,mongodb-2.mongodb:27017"
    "/?replicaSet=rs0"
)
POD_NETWORK = '["10.0.0.0/8"]'


def common() -> list[dict[str, Any]]:
    part_of = {"app.kubernetes.io/part-of": PART_OF}
    config = {
        "PLATFORM_MODE": "distributed",
        "BIND_HOST": "0.0.0.0",
        "MONGO_URL": MONGO_URL,
        # The proxies in front (Traefik, the gateway, the router) and Prometheus are pods.
        "TRUSTED_PROXIES": POD_NETWORK,
        "METRICS_ALLOWED_NETWORKS": POD_NETWORK,
        "FILES_DIR": "/files",
        "LOG_LEVEL": "INFO",
    }
    return [
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": COMMON_CONFIG, "labels": part_of},
            "data": config,
        },
        {
            # CSV uploads and exports: written by internal_api, read by the contacts workers.
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {"name": FILES_CLAIM, "labels": part_of},
            "spec": {
                "accessModes": ["ReadWriteMany"],
                "resources": {"requests": {"storage": "20Gi"}},
            },
        },
        {
            # KEDA reads the queues' lengths with the address and password of Redis' Secret.
            "apiVersion": "keda.sh/v1alpha1",
            "kind": "TriggerAuthentication",
            "metadata": {"name": REDIS_SECRET, "labels": part_of},
            "spec": {
                "secretTargetRef": [
                    {"parameter": "address", "name": REDIS_SECRET, "key": "REDIS_ADDRESS"},
                    {"parameter": "password", "name": REDIS_SECRET, "key": "REDIS_PASSWORD"},
                ]
            },
        },
    ]


def dump(objects: list[dict[str, Any]]) -> str:
    return HEADER + yaml.safe_dump_all(objects, sort_keys=False, width=100)


def files() -> dict[str, str]:
    """Path under deploy/k8s -> content."""
    every = workloads()
    written = {
        "base/common.yaml": dump(common()),
        "base/network-policies.yaml": dump(network_policies(every)),
        "base/ingress.yaml": dump(edge()),
    }
    for workload in every:
        written[f"base/workloads/{workload.name}.yaml"] = dump(manifests(workload))
    base = {
        "apiVersion": "kustomize.config.k8s.io/v1beta1",
        "kind": "Kustomization",
        "namespace": NAMESPACE,
        "resources": sorted(path.removeprefix("base/") for path in written),
    }
    written["base/kustomization.yaml"] = dump([base])
    for name, overlay in OVERLAYS.items():
        written[f"overlays/{name}/kustomization.yaml"] = dump([overlay_kustomization(overlay)])
        for file_name, patch in ceiling_patches(overlay).items():
            written[f"overlays/{name}/{file_name}"] = dump([patch])
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--secrets", type=Path, metavar="OVERLAY", help="write its .env.d/")
    args = parser.parse_args(argv)
    if args.secrets:
        write_overlay_secrets(args.secrets)
        return 0
    stale = []
    for relative, content in files().items():
        path = ROOT / relative
        if not path.exists() or path.read_text() != content:
            stale.append(relative)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content)
    if args.check and stale:
        sys.stderr.write(f"deploy/k8s is out of date ({', '.join(stale)}): run scripts.k8s\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
