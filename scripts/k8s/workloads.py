"""The objects of one workload: its ConfigMap, Deployment, Service, PodDisruptionBudget and
autoscaler (an HPA on CPU for the HTTP and socket services, a KEDA ScaledObject on its queues'
Redis lists for a worker; beat, exactly one, has neither)."""

from typing import Any

from scripts.k8s.model import Workload

Manifest = dict[str, Any]

PART_OF = "agency-platform"
# Every pod's: the common ConfigMap, its own ConfigMap and Secret, and Redis' URL.
COMMON_CONFIG = "platform-common"
REDIS_SECRET = "redis"
METRICS_DIR = "/tmp/metrics"
FILES_CLAIM = "files"
# Replicas an HPA keeps (the Deployment leaves them to it): two, so a node's loss or a
# rollout leaves one serving.
MIN_REPLICAS, MAX_REPLICAS = 2, 10
CPU_TARGET_PERCENT = 70
# Waiting tasks per worker replica before KEDA adds one.
TASKS_PER_REPLICA = "20"


def labels(workload: Workload) -> dict[str, str]:
    return {"app.kubernetes.io/name": workload.name, "app.kubernetes.io/part-of": PART_OF}


def selector(workload: Workload) -> dict[str, str]:
    return {"app.kubernetes.io/name": workload.name}


def metadata(name: str, workload: Workload) -> dict[str, Any]:
    return {"name": name, "labels": labels(workload)}


def config_map(workload: Workload) -> Manifest:
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": metadata(f"{workload.name}-config", workload),
        "data": dict(workload.config),
    }


def secret_name(workload: Workload) -> str:
    """Its container's Secret, made by the overlay from `.env.d/<container>.env`."""
    return f"{workload.container.replace('_', '-')}-secrets"


def http_probe(path: str, period: int, failures: int) -> dict[str, Any]:
    return {
        "httpGet": {"path": path, "port": "http"},
        "periodSeconds": period,
        "timeoutSeconds": 3,
        "failureThreshold": failures,
    }


def celery_ping(workload: Workload) -> dict[str, Any]:
    """A worker is alive when its own node answers a ping (as in compose)."""
    app = workload.command[2]
    ping = f"celery -A {app} inspect ping --destination celery@$HOSTNAME --timeout 10"
    return {
        "exec": {"command": ["sh", "-c", ping]},
        "initialDelaySeconds": 30,
        "periodSeconds": 60,
        "timeoutSeconds": 20,
        "failureThreshold": 3,
    }


def probes(workload: Workload) -> dict[str, Any]:
    if workload.serves_http:
        return {
            # /health: the process is alive; /ready: its MongoDB and Redis answer.
            "startupProbe": http_probe("/health", 2, 30),
            "livenessProbe": http_probe("/health", 10, 3),
            "readinessProbe": http_probe("/ready", 5, 2),
        }
    if workload.kind == "worker":
        return {"livenessProbe": celery_ping(workload)}
    return {}  # beat answers nothing; if it dies the pod restarts


def environment(workload: Workload) -> list[dict[str, Any]]:
    env: list[dict[str, Any]] = [
        {
            "name": "REDIS_URL",
            "valueFrom": {"secretKeyRef": {"name": REDIS_SECRET, "key": "REDIS_URL"}},
        }
    ]
    if workload.kind == "worker":
        env += [
            {"name": "WORKER_METRICS_PORT", "value": str(workload.port)},
            # The pool's processes write their metrics here; the main process sums them.
            {"name": "PROMETHEUS_MULTIPROC_DIR", "value": METRICS_DIR},
        ]
    return env


def ports(workload: Workload) -> list[dict[str, Any]]:
    if not workload.port:
        return []
    name = "http" if workload.serves_http else "metrics"
    return [{"name": name, "containerPort": workload.port, "protocol": "TCP"}]


def volumes(workload: Workload) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(pod volumes, container mounts): /tmp writable, the metrics directory of a worker,
    the shared files of internal_api and the contacts workers."""
    pod = [{"name": "tmp", "emptyDir": {}}]
    mounts = [{"name": "tmp", "mountPath": "/tmp"}]
    if workload.files:
        pod.append({"name": "files", "persistentVolumeClaim": {"claimName": FILES_CLAIM}})
        mounts.append({"name": "files", "mountPath": "/files"})
    if workload.kind == "worker":
        pod.append({"name": "metrics", "emptyDir": {}})
        mounts.append({"name": "metrics", "mountPath": METRICS_DIR})
    return pod, mounts


def container(workload: Workload) -> dict[str, Any]:
    resources = workload.resources
    _, mounts = volumes(workload)
    spec: dict[str, Any] = {
        "name": workload.name,
        "image": workload.image_name,
        "envFrom": [
            {"configMapRef": {"name": COMMON_CONFIG}},
            {"configMapRef": {"name": f"{workload.name}-config"}},
            {"secretRef": {"name": secret_name(workload)}},
        ],
        "env": environment(workload),
        "ports": ports(workload),
        "resources": {
            "requests": {"cpu": resources.cpu, "memory": resources.memory},
            "limits": {"cpu": resources.cpu_limit, "memory": resources.memory_limit},
        },
        "securityContext": {
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"]},
        },
        "volumeMounts": mounts,
        **probes(workload),
    }
    if workload.command:
        spec["command"] = list(workload.command)
    if not spec["ports"]:
        del spec["ports"]
    return spec


def annotations(workload: Workload) -> dict[str, str]:
    if not workload.port:
        return {}
    return {
        "prometheus.io/scrape": "true",
        "prometheus.io/port": str(workload.port),
        "prometheus.io/path": "/metrics",
    }


def deployment(workload: Workload) -> Manifest:
    pod_volumes, _ = volumes(workload)
    spec: dict[str, Any] = {
        "selector": {"matchLabels": selector(workload)},
        "template": {
            "metadata": {"labels": labels(workload), "annotations": annotations(workload)},
            "spec": {
                # The image's user (Dockerfile: uid 10001).
                "securityContext": {
                    "runAsNonRoot": True,
                    "runAsUser": 10001,
                    "fsGroup": 10001,
                    "seccompProfile": {"type": "RuntimeDefault"},
                },
                "terminationGracePeriodSeconds": 30 if workload.serves_http else 120,
                "containers": [container(workload)],
                "volumes": pod_volumes,
            },
        },
    }
    if workload.kind == "beat":
        # Exactly one scheduler: a second beat would send every cron twice, so the old pod
        # is gone before the new one starts.
        spec = {"replicas": 1, "strategy": {"type": "Recreate"}, **spec}
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": metadata(workload.name, workload),
        "spec": spec,
    }


def service(workload: Workload) -> Manifest:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": metadata(workload.name, workload),
        "spec": {
            "selector": selector(workload),
            "ports": [
                {"name": "http", "port": workload.port, "targetPort": "http", "protocol": "TCP"}
            ],
        },
    }


def disruption_budget(workload: Workload) -> Manifest:
    return {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": metadata(workload.name, workload),
        "spec": {"maxUnavailable": 1, "selector": {"matchLabels": selector(workload)}},
    }


def cpu_autoscaler(workload: Workload) -> Manifest:
    return {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": metadata(workload.name, workload),
        "spec": {
            "scaleTargetRef": {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "name": workload.name,
            },
            "minReplicas": MIN_REPLICAS,
            "maxReplicas": MAX_REPLICAS,
            "metrics": [
                {
                    "type": "Resource",
                    "resource": {
                        "name": "cpu",
                        "target": {"type": "Utilization", "averageUtilization": CPU_TARGET_PERCENT},
                    },
                }
            ],
        },
    }


def queue_autoscaler(workload: Workload) -> Manifest:
    """KEDA's Redis list scaler on each of the worker's queues (kombu keeps a queue's tasks in
    a Redis list of its name; the priority lists of priority > 0 are not counted)."""
    return {
        "apiVersion": "keda.sh/v1alpha1",
        "kind": "ScaledObject",
        "metadata": metadata(workload.name, workload),
        "spec": {
            "scaleTargetRef": {"name": workload.name},
            "minReplicaCount": 1,
            "maxReplicaCount": MAX_REPLICAS,
            "pollingInterval": 15,
            "cooldownPeriod": 300,
            "triggers": [
                {
                    "type": "redis",
                    "metadata": {"listName": queue, "listLength": TASKS_PER_REPLICA},
                    "authenticationRef": {"name": REDIS_SECRET},
                }
                for queue in workload.queues
            ],
        },
    }


def manifests(workload: Workload) -> list[Manifest]:
    objects = [config_map(workload), deployment(workload)]
    if workload.serves_http:
        objects += [service(workload), disruption_budget(workload), cpu_autoscaler(workload)]
    elif workload.kind == "worker":
        objects += [disruption_budget(workload), queue_autoscaler(workload)]
    return objects
