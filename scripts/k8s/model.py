"""What runs on Kubernetes, from the tables the rest of the platform already keeps: the fifteen
services (scripts/services.py), the Celery workers split into queue groups and beat
(queue_manager/layout.py), each container's secrets (scripts/keys.py), and who calls whom (each
service's URL settings, whose embedded defaults name the called service's port)."""

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from queue_manager.layout import CRONS, switch_names
from scripts.keys import SECRETS_FOR
from scripts.services import SERVICES, Service
from shared.utilities.settings import env_name
from shared.utilities.task_names import NOTIFICATIONS_SEND

NAMESPACE = "platform"
# The registry and tag are the overlays' (`images:`); the base names one image per service.
IMAGE_PREFIX = "agency-platform/"
WORKER_METRICS_PORT = 9808
# Public addresses of the platform, not of a service: left to the overlays (see compose).
OUTSIDE_ADDRESSES = ("PUBLIC_URL", "DASHBOARD_URL", "SHORT_URL_BASE")

# The queue manager's queues and crons by worker Deployment, so ops scale the busy ones alone.
# Every QM_* switch is on in exactly one group (tests/deploy/test_k8s.py checks it).
WORKER_GROUPS: dict[str, tuple[str, ...]] = {
    "worker-webhooks": ("hooks", "webhook", "webhook_retries"),
    "worker-integrations": (
        "integrations",
        "site_update_business",
        "instasites_build",
        "reputation",
        "analytics_sync",
        "crm_sync",
        "lead_finder",
        "beamer",
        "email_lists",
    ),
    # Takes money: every group here needs the Stripe key in distributed mode.
    "worker-billing": (
        "subscription_activate",
        "subscription_cancel",
        "subscription_pending_subaccount_charge",
        "subscription_charge_mainaccount",
        "billing_new_auth",
        "billing_contacts",
        "verify_stripe_domains",
        "onebalance_balance_reload",
        "onebalance_balance_reload_stream",
        "onebalance_balance_charge",
        "onebalance_balance_charge_stream",
        "affiliates",
    ),
    "worker-triggers": ("triggers", "triggers_sweep"),
    # CSV imports and exports read and write the files volume internal_api stores uploads on.
    "worker-contacts": ("contacts", "contacts_export", "contacts_export_cleanup"),
    "worker-messages": ("platform_messages", "support_message_status", "support_notification"),
    # Prints signed documents' PDFs with Chromium: the heaviest pods.
    "worker-documents": (
        "edocs",
        "funnels_build_thumbnails",
        "sites_build_thumbnails",
        "funnels_cloning",
        "client_reports",
        "instareport_build",
    ),
    "worker-crons": (
        "task_runs_cleanup",
        "schedule_utilization_monitoring",
        "accounts_purge",
        "check_account_active",
        "short_link_clicks",
        "projects",
        "booking_reminders",
        "support_snooze",
        "support_communication_check",
        "lightning_domain_validation",
        "lightning_domain_renewal",
        "instasites_purge",
        "crm_sync_poll",
    ),
}
FILES_GROUPS = {"worker-contacts"}
# Services that reach third parties (providers' APIs, customers' webhook URLs, rates, maps):
# the only ones whose NetworkPolicy lets them out of the cluster.
REACHES_INTERNET = {
    "internal_api",
    "external_api",
    "callrail_recordings",
    "currency",
    "yext_publishers",
    "yext_publishers_logo",
    "notifications",
    "google_maps",
    "ai_service",
    "proxy_server",
    "notifications_worker",
    *WORKER_GROUPS,
}

# Calls whose setting is empty in embedded mode (the channel held in the outbox until it is
# set), so no loopback default names the called service: the setting, and who it calls.
OPTIONAL_CALLS: dict[str, dict[str, str]] = {
    "notifications": {"NOTIFICATIONS_EXTERNAL_API_URL": "external_api"},
}

Kind = Literal["http", "socket", "worker", "beat"]


@dataclass(frozen=True)
class Resources:
    cpu: str
    memory: str
    cpu_limit: str
    memory_limit: str


HTTP_RESOURCES = Resources("100m", "192Mi", "1", "512Mi")
BIG_RESOURCES = Resources("250m", "384Mi", "2", "1Gi")
WORKER_RESOURCES = Resources("200m", "384Mi", "1", "1Gi")
CHROMIUM_RESOURCES = Resources("500m", "768Mi", "2", "2Gi")
BEAT_RESOURCES = Resources("50m", "128Mi", "250m", "256Mi")


@dataclass(frozen=True)
class Workload:
    """One Deployment: a service, a worker group or beat."""

    name: str  # the Kubernetes name (DNS-1035: dashes)
    container: str  # the compose container whose secrets it holds (scripts.keys.SECRETS_FOR)
    image: str  # the service folder its image is built from
    kind: Kind
    port: int = 0  # the HTTP port; a worker's is its metrics port
    command: tuple[str, ...] = ()
    config: dict[str, str] = field(default_factory=dict)
    queues: tuple[str, ...] = ()  # a worker's: what KEDA scales it on
    resources: Resources = HTTP_RESOURCES
    files: bool = False

    @property
    def serves_http(self) -> bool:
        return self.kind in ("http", "socket")

    @property
    def secrets(self) -> tuple[str, ...]:
        return SECRETS_FOR[self.container]

    @property
    def image_name(self) -> str:
        return IMAGE_PREFIX + k8s_name(self.image.removeprefix("misc/"))


def k8s_name(name: str) -> str:
    return name.replace("_", "-")


def by_port() -> dict[int, Service]:
    return {service.port: service for service in SERVICES}


def service_urls(service: Service) -> dict[str, str]:
    """The service's settings naming another service (a loopback default), with the URL the
    other has in the cluster: its Service's name and port."""
    settings_class = service.settings_class()
    ports = by_port()
    urls = {}
    for field_name, info in settings_class.model_fields.items():
        name = env_name(settings_class, field_name)
        default = info.default
        if not (isinstance(default, str) and default.startswith("http://127.0.0.1")):
            continue
        if name.endswith(OUTSIDE_ADDRESSES):
            continue
        urls[name] = cluster_url(ports[urlsplit(default).port or 80])
    by_name = {other.compose_name: other for other in SERVICES}
    for name, called_name in OPTIONAL_CALLS.get(service.compose_name, {}).items():
        urls[name] = cluster_url(by_name[called_name])
    return urls


def cluster_url(service: Service) -> str:
    return f"http://{k8s_name(service.compose_name)}:{service.port}"


def status_targets() -> str:
    """The gateway's status panel: every service, by its name in the cluster (JSON)."""
    targets = ", ".join(
        f'"{s.compose_name}": "http://{k8s_name(s.compose_name)}:{s.port}"' for s in SERVICES
    )
    return "{" + targets + "}"


def service_config(service: Service) -> dict[str, str]:
    config = service_urls(service)
    if service.compose_name == "gateway":
        config["GATEWAY_STATUS_TARGETS"] = status_targets()
    if service.compose_name == "notifications":
        config["NOTIFICATIONS_QUEUE_MODE"] = "true"  # sent by notifications-worker
    return config


def switches(on: tuple[str, ...]) -> dict[str, str]:
    """Every QM_* switch set explicitly: on for `on`, off for the rest (utilisation monitoring,
    on by default, included), so a queue is consumed where it is named and nowhere else."""
    return {f"QM_{name.upper()}": str(name in on).lower() for name in switch_names()}


def celery(app: str, *arguments: str) -> tuple[str, ...]:
    return ("celery", "-A", app, *arguments, "--loglevel=INFO")


def service_workloads() -> list[Workload]:
    big = {"internal_api", "queue_manager"}
    return [
        Workload(
            name=k8s_name(service.compose_name),
            container=service.compose_name,
            image=service.folder,
            kind=service.kind,
            port=service.port,
            config=service_config(service),
            resources=BIG_RESOURCES if service.compose_name in big else HTTP_RESOURCES,
            files=service.compose_name == "internal_api",
        )
        for service in SERVICES
    ]


def worker_workloads() -> list[Workload]:
    queue_manager = next(s for s in SERVICES if s.compose_name == "queue_manager")
    notifications = next(s for s in SERVICES if s.compose_name == "notifications")
    urls = service_urls(queue_manager)
    groups = [
        Workload(
            name=name,
            container="worker",
            image=queue_manager.folder,
            kind="worker",
            port=WORKER_METRICS_PORT,
            command=celery("queue_manager", "worker", "--concurrency=2"),
            config={**urls, **switches(queues)},
            queues=queues,
            resources=CHROMIUM_RESOURCES if name == "worker-documents" else WORKER_RESOURCES,
            files=name in FILES_GROUPS,
        )
        for name, queues in WORKER_GROUPS.items()
    ]
    notifications_worker = Workload(
        name="notifications-worker",
        container="notifications_worker",
        image=notifications.folder,
        kind="worker",
        port=WORKER_METRICS_PORT,
        command=celery("notifications", "worker", "--concurrency=4"),
        config=service_urls(notifications),
        queues=(NOTIFICATIONS_SEND.queue,),
        resources=WORKER_RESOURCES,
    )
    beat = Workload(
        name="beat",
        container="beat",
        image=queue_manager.folder,
        kind="beat",
        # The app user cannot write the schedule file into /app.
        command=celery("queue_manager", "beat", "--schedule", "/tmp/celerybeat-schedule"),
        config=switches(tuple(CRONS)),
        resources=BEAT_RESOURCES,
    )
    return [*groups, notifications_worker, beat]


def workloads() -> list[Workload]:
    return service_workloads() + worker_workloads()
