"""The overlays: where the images come from, each container's Secret (from the files
`python -m scripts.keys --compose` writes, one per container, which never enter git), and what
differs between a staging and a production cluster."""

from dataclasses import dataclass
from typing import Any

from scripts.k8s.model import NAMESPACE, workloads
from scripts.k8s.workloads import REDIS_SECRET
from scripts.keys import SECRETS_FOR


@dataclass(frozen=True)
class Overlay:
    registry: str
    tag: str
    max_replicas: int  # every HPA's and ScaledObject's ceiling


OVERLAYS = {
    "staging": Overlay(registry="registry.example.com/staging", tag="main", max_replicas=3),
    "production": Overlay(registry="registry.example.com", tag="1.0.0", max_replicas=20),
}


def images(overlay: Overlay) -> list[dict[str, str]]:
    names = sorted({workload.image_name for workload in workloads()})
    return [
        {"name": name, "newName": f"{overlay.registry}/{name}", "newTag": overlay.tag}
        for name in names
    ]


def secrets() -> list[dict[str, Any]]:
    """A Secret per container, from `.env.d/<container>.env` beside the overlay's
    kustomization; Redis' URL, address and password (for KEDA) from `.env.d/redis.env`."""
    generated = [
        {"name": f"{container.replace('_', '-')}-secrets", "env": f".env.d/{container}.env"}
        for container in sorted(SECRETS_FOR)
    ]
    return [*generated, {"name": REDIS_SECRET, "env": ".env.d/redis.env"}]


# Each kind's replica ceiling, as a JSON patch file of the overlay's (see ceiling_patches).
CEILINGS = {
    ("autoscaling", "v2", "HorizontalPodAutoscaler"): "/spec/maxReplicas",
    ("keda.sh", "v1alpha1", "ScaledObject"): "/spec/maxReplicaCount",
}


def ceiling_file(kind: str) -> str:
    return f"{kind.lower()}-ceiling.yaml"


def ceiling_patches(overlay: Overlay) -> dict[str, list[dict[str, Any]]]:
    """File name -> the JSON patch setting the overlay's ceiling."""
    return {
        ceiling_file(kind): [{"op": "replace", "path": path, "value": overlay.max_replicas}]
        for (_, _, kind), path in CEILINGS.items()
    }


def autoscaled() -> list[tuple[tuple[str, str, str], str]]:
    every = workloads()
    http = [name for name in (w.name for w in every if w.serves_http)]
    queued = [w.name for w in every if w.kind == "worker"]
    kinds = list(CEILINGS)
    return [(kinds[0], name) for name in http] + [(kinds[1], name) for name in queued]


def overlay_kustomization(overlay: Overlay) -> dict[str, Any]:
    """Written for kustomize 2.0.3 and later (`bases`, `patchesJson6902` naming each target):
    Debian's kubectl 1.20 builds it as well as today's `kubectl apply -k`, which warns that
    these fields have newer spellings. Secrets keep their names (no hash suffix), so KEDA's
    TriggerAuthentication finds Redis' by name: restart the Deployments after changing one."""
    return {
        "apiVersion": "kustomize.config.k8s.io/v1beta1",
        "kind": "Kustomization",
        "namespace": NAMESPACE,
        "bases": ["../../base"],
        "images": images(overlay),
        "generatorOptions": {"disableNameSuffixHash": True},
        "secretGenerator": secrets(),
        "patchesJson6902": [
            {
                "target": {"group": group, "version": version, "kind": kind, "name": name},
                "path": ceiling_file(kind),
            }
            for (group, version, kind), name in autoscaled()
        ],
    }
