"""deploy/k8s agrees with the service table, as docker-compose.yml does (test_compose.py).

Each overlay is built offline by `kubectl kustomize` (scripts/test installs a kubectl when
there is none), with fresh secrets written the way ops write them (`python -m scripts.k8s
--secrets`), and every object it makes is validated against the Kubernetes JSON schemas
(kubernetes-validate ships them). The custom resources of Traefik and KEDA (CUSTOM_KINDS) have
no schema there: they are skipped by kind, and what the platform relies on in them is checked
below.
"""

import functools
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml

from queue_manager.layout import CRONS, switch_names
from router.routing import ROUTING_TABLE
from scripts.k8s.model import REACHES_INTERNET, WORKER_GROUPS, k8s_name
from scripts.k8s.overlays import OVERLAYS
from scripts.k8s.render import ROOT, main
from scripts.k8s.secrets import write_overlay_secrets
from scripts.keys import EVERYONE, SECRETS_FOR
from scripts.services import SERVICES
from shared.utilities.settings import env_name
from tests.deploy.test_compose import OUTSIDE_ADDRESSES, SOCKET_PATHS

KUBERNETES_VERSION = "1.30.0"
CUSTOM_KINDS = {
    ("traefik.io/v1alpha1", "IngressRoute"),
    ("traefik.io/v1alpha1", "Middleware"),
    ("keda.sh/v1alpha1", "ScaledObject"),
    ("keda.sh/v1alpha1", "TriggerAuthentication"),
}
Object = dict[str, Any]
# The library reads a kind's schema and the 5 MB of definitions anew for every object (0.05 s
# each); a schema file's contents never change, so they are read once.
kubernetes_validate.utils.schema_contents = functools.cache(
    kubernetes_validate.utils.schema_contents
)


class Built:
    """One overlay's objects, by kind and name."""

    def __init__(self, objects: list[Object]) -> None:
        self.objects = objects
        self.by_kind: dict[str, dict[str, Object]] = {}
        for item in objects:
            self.by_kind.setdefault(item["kind"], {})[item["metadata"]["name"]] = item

    def get(self, kind: str, name: str) -> Object:
        return self.by_kind[kind][name]

    def container(self, name: str) -> Object:
        (container,) = self.get("Deployment", name)["spec"]["template"]["spec"]["containers"]
        return container

    def config(self, name: str) -> dict[str, str]:
        return self.get("ConfigMap", f"{name}-config").get("data") or {}


def build(tmp_path: Path, overlay: str) -> Built:
    copy = tmp_path / "k8s"
    shutil.copytree(ROOT, copy)
    write_overlay_secrets(copy / "overlays" / overlay)
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(copy / "overlays" / overlay)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    # libyaml's loader: the pure-Python one takes a second over the 160 objects.
    return Built([item for item in yaml.load_all(rendered, Loader=yaml.CSafeLoader) if item])


@pytest.fixture(scope="module", params=sorted(OVERLAYS))
def built(request, tmp_path_factory) -> Built:
    return build(tmp_path_factory.mktemp(request.param), request.param)


by_service = pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.compose_name)
HTTP_NAMES = [k8s_name(service.compose_name) for service in SERVICES]
WORKER_NAMES = [*WORKER_GROUPS, "notifications-worker"]


def test_deploy_k8s_is_what_scripts_k8s_writes():
    assert main(["--check"]) == 0


def schema_errors(objects: list[Object]) -> Iterator[str]:
    for item in objects:
        if (item["apiVersion"], item["kind"]) in CUSTOM_KINDS:
            continue
        try:
            kubernetes_validate.validate(item, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            yield f"{item['kind']}/{item['metadata']['name']}: {str(error).splitlines()[0]}"


def test_every_object_is_valid_against_the_kubernetes_schemas(built):
    assert list(schema_errors(built.objects)) == []


def test_the_only_objects_without_a_schema_are_traefiks_and_kedas(built):
    kinds = {(item["apiVersion"], item["kind"]) for item in built.objects}

    assert kinds & CUSTOM_KINDS == CUSTOM_KINDS
    assert all(kind in CUSTOM_KINDS or not kind[0].endswith((".io", ".sh")) for kind in kinds)


def test_every_service_worker_and_beat_is_a_deployment(built):
    expected = {*HTTP_NAMES, *WORKER_NAMES, "beat"}

    assert set(built.by_kind["Deployment"]) == expected


@by_service
def test_every_service_listens_on_its_port_behind_a_service_of_its_name(built, service):
    name = k8s_name(service.compose_name)

    assert built.container(name)["ports"] == [
        {"name": "http", "containerPort": service.port, "protocol": "TCP"}
    ]
    (port,) = built.get("Service", name)["spec"]["ports"]
    assert (port["port"], port["targetPort"]) == (service.port, "http")


@by_service
def test_every_service_is_ready_on_ready_and_alive_on_health(built, service):
    container = built.container(k8s_name(service.compose_name))

    assert container["readinessProbe"]["httpGet"] == {"path": "/ready", "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/health", "port": "http"}


@by_service
def test_every_service_scales_on_cpu_and_keeps_one_replica_through_disruptions(built, service):
    name = k8s_name(service.compose_name)
    autoscaler = built.get("HorizontalPodAutoscaler", name)["spec"]

    assert autoscaler["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": name,
    }
    assert autoscaler["minReplicas"] >= 2
    assert [metric["resource"]["name"] for metric in autoscaler["metrics"]] == ["cpu"]
    assert built.get("PodDisruptionBudget", name)["spec"]["maxUnavailable"] == 1


def test_every_container_requests_and_limits_cpu_and_memory(built):
    for name in built.by_kind["Deployment"]:
        resources = built.container(name)["resources"]
        assert set(resources["requests"]) == set(resources["limits"]) == {"cpu", "memory"}, name


def switched_on(built: Built, name: str) -> set[str]:
    config = built.config(name)
    return {switch for switch in switch_names() if config[f"QM_{switch.upper()}"] == "true"}


def test_every_queue_and_cron_is_consumed_by_exactly_one_worker_group(built):
    consumed = [switch for group in WORKER_GROUPS for switch in switched_on(built, group)]

    assert sorted(consumed) == sorted(switch_names())


@pytest.mark.parametrize("group", WORKER_GROUPS)
def test_a_worker_group_scales_on_the_redis_lists_of_its_queues(built, group):
    scaler = built.get("ScaledObject", group)["spec"]

    assert scaler["scaleTargetRef"] == {"name": group}
    assert {trigger["type"] for trigger in scaler["triggers"]} == {"redis"}
    assert {t["metadata"]["listName"] for t in scaler["triggers"]} == switched_on(built, group)
    assert {t["authenticationRef"]["name"] for t in scaler["triggers"]} == {"redis"}


def test_kedas_redis_authentication_reads_the_redis_secret(built):
    references = built.get("TriggerAuthentication", "redis")["spec"]["secretTargetRef"]

    for reference in references:
        assert reference["key"] in built.get("Secret", reference["name"])["data"]
    assert {reference["parameter"] for reference in references} == {"address", "password"}


def test_beat_is_exactly_one_scheduler_of_every_cron(built):
    beat = built.get("Deployment", "beat")["spec"]

    assert (beat["replicas"], beat["strategy"]) == (1, {"type": "Recreate"})
    assert "beat" not in built.by_kind["HorizontalPodAutoscaler"]
    assert "beat" not in built.by_kind["ScaledObject"]
    assert switched_on(built, "beat") == set(CRONS)


@pytest.mark.parametrize("name", WORKER_NAMES)
def test_a_worker_is_alive_when_its_node_answers_and_serves_its_processes_metrics(built, name):
    container = built.container(name)
    environment = {item["name"]: item.get("value") for item in container["env"]}
    ping = container["livenessProbe"]["exec"]["command"][-1]
    volumes = built.get("Deployment", name)["spec"]["template"]["spec"]["volumes"]
    mounted = {mount["mountPath"]: mount["name"] for mount in container["volumeMounts"]}

    assert "inspect ping --destination celery@$HOSTNAME" in ping
    assert environment["WORKER_METRICS_PORT"] == str(container["ports"][0]["containerPort"])
    # Each pool process writes its file there: a fresh directory per pod.
    metrics_volume = mounted[environment["PROMETHEUS_MULTIPROC_DIR"]]
    assert {"name": metrics_volume, "emptyDir": {}} in volumes


def secret_of(built: Built, name: str) -> Object:
    (reference,) = [
        source["secretRef"]["name"]
        for source in built.container(name)["envFrom"]
        if "secretRef" in source
    ]
    return built.get("Secret", reference)


def container_of(name: str) -> str:
    """The compose container a Deployment's secrets are those of."""
    return "worker" if name in WORKER_GROUPS else name.replace("-", "_")


def test_every_deployment_holds_only_its_own_containers_secrets(built):
    for name in built.by_kind["Deployment"]:
        keys = set(secret_of(built, name)["data"])
        assert keys == {*EVERYONE, *SECRETS_FOR[container_of(name)]}, name


def test_only_the_router_holds_the_user_token_signing_key(built):
    holders = {
        name
        for name in built.by_kind["Deployment"]
        if "ROUTER_JWT_PRIVATE_KEY" in secret_of(built, name)["data"]
    }

    assert holders == {"router"}


def loopback_urls(service) -> list[str]:
    settings_class = service.settings_class()
    names = [
        env_name(settings_class, field)
        for field, info in settings_class.model_fields.items()
        if isinstance(info.default, str) and info.default.startswith("http://127.0.0.1")
    ]
    return [name for name in names if not name.endswith(OUTSIDE_ADDRESSES)]


@by_service
def test_every_url_of_another_service_is_its_name_and_port_in_the_cluster(built, service):
    ports = {s.port: s for s in SERVICES}
    config = built.config(k8s_name(service.compose_name))
    settings_class = service.settings_class()
    defaults = {
        env_name(settings_class, f): i.default for f, i in settings_class.model_fields.items()
    }

    for name in loopback_urls(service):
        called = ports[urlsplit(defaults[name]).port]
        assert config[name] == f"http://{k8s_name(called.compose_name)}:{called.port}", name


def test_the_gateways_status_panel_lists_every_service_by_its_cluster_name(built):
    targets = yaml.safe_load(built.config("gateway")["GATEWAY_STATUS_TARGETS"])

    assert targets == {
        s.compose_name: f"http://{k8s_name(s.compose_name)}:{s.port}" for s in SERVICES
    }


def routes(built: Built) -> dict[str, Object]:
    """Path prefix -> its IngressRoute route."""
    table = built.get("IngressRoute", "platform")["spec"]["routes"]
    return {
        route["match"].removeprefix("PathPrefix(`").removesuffix("`)"): route for route in table
    }


def test_traefik_routes_v1_by_the_routers_own_table_through_the_session_exchange(built):
    v1 = {prefix: route for prefix, route in routes(built).items() if "sockets" not in prefix}
    v1.pop("/")

    assert {p: r["services"][0]["name"] for p, r in v1.items()} == {
        prefix: k8s_name(service) for prefix, service in ROUTING_TABLE
    }
    assert all(route["middlewares"] == [{"name": "platform-auth"}] for route in v1.values())


def test_the_session_exchange_is_the_routers_forward_auth_endpoint(built):
    exchange = built.get("Middleware", "session-exchange")["spec"]["forwardAuth"]
    chain = built.get("Middleware", "platform-auth")["spec"]["chain"]["middlewares"]
    port = next(s.port for s in SERVICES if s.compose_name == "router")

    assert (
        exchange["address"] == f"http://router.platform.svc.cluster.local:{port}/v1/auth/exchange"
    )
    assert exchange["authResponseHeaders"] == ["Authorization"]
    assert chain == [{"name": "session-exchange"}, {"name": "drop-session"}]


@pytest.mark.parametrize("prefix, name", SOCKET_PATHS.items())
def test_a_socket_path_reaches_its_service_on_a_sticky_replica(built, prefix, name):
    route = routes(built)[prefix]
    strip = built.get("Middleware", route["middlewares"][0]["name"])["spec"]["stripPrefix"]

    assert route["services"][0]["name"] == k8s_name(name)
    assert route["services"][0]["sticky"]["cookie"]["httpOnly"] is True
    assert strip["prefixes"] == [prefix[:-1]]


def test_everything_else_reaches_the_gateways_dashboard(built):
    assert routes(built)["/"]["services"][0]["name"] == "gateway"


def test_every_pod_is_denied_what_no_policy_allows(built):
    deny = built.get("NetworkPolicy", "default-deny")["spec"]

    assert (deny["podSelector"], deny["policyTypes"]) == ({}, ["Ingress", "Egress"])


def egress_pods(built: Built, name: str) -> set[str]:
    rules = built.get("NetworkPolicy", name)["spec"]["egress"]
    return {
        peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
        for rule in rules
        for peer in rule.get("to", [])
        if "podSelector" in peer
    }


def test_the_router_reaches_only_the_services_of_its_table_and_the_sockets(built):
    # The sockets' replicas are balanced by the router too (router/sockets.py).
    sockets = {"general-socket", "conversation-socket"}
    routed = {k8s_name(service) for _, service in ROUTING_TABLE}
    assert egress_pods(built, "router") == routed | sockets


def test_the_gateway_reaches_the_router_and_every_services_health(built):
    assert egress_pods(built, "gateway") == set(HTTP_NAMES)


@pytest.mark.parametrize("name", ["general-socket", "conversation-socket", "beat"])
def test_a_pod_that_calls_no_service_reaches_none(built, name):
    assert egress_pods(built, name) == set()


def leaves_the_cluster(built: Built, name: str) -> bool:
    rules = built.get("NetworkPolicy", name)["spec"]["egress"]
    return any("ipBlock" in peer for rule in rules for peer in rule.get("to", []))


def test_only_the_pods_that_call_third_parties_leave_the_cluster(built):
    leaving = {name for name in built.by_kind["Deployment"] if leaves_the_cluster(built, name)}

    assert leaving == {k8s_name(name) for name in REACHES_INTERNET}


def ingress_namespaces(built: Built, name: str) -> set[str]:
    rules = built.get("NetworkPolicy", name)["spec"]["ingress"]
    return {
        peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
        for rule in rules
        for peer in rule["from"]
        if "namespaceSelector" in peer
    }


def test_traefik_reaches_only_the_services_it_routes_to(built):
    reached = {n for n in built.by_kind["Deployment"] if "traefik" in ingress_namespaces(built, n)}
    routed = {k8s_name(service) for _, service in ROUTING_TABLE}

    assert reached == {"gateway", "router", *routed, "general-socket", "conversation-socket"}


def test_prometheus_reaches_every_pod_that_serves_metrics(built):
    scraped = {
        n for n in built.by_kind["Deployment"] if "monitoring" in ingress_namespaces(built, n)
    }

    assert scraped == {*HTTP_NAMES, *WORKER_NAMES}
