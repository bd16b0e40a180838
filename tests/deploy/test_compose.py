"""docker-compose.yml agrees with the service table (the Dockerfile: test_dockerfile.py).

Docker cannot run on the build machines, so the files are read and checked, not run.
"""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from router.routing import Routes
from router.settings import RouterSettings
from scripts.keys import SECRETS_FOR
from scripts.services import SERVICES, Service
from shared.domain.oauth.credentials import METADATA_PATH
from shared.utilities.settings import env_name

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = (ROOT / "docker-compose.yml").read_text()
CONTAINERS = yaml.safe_load(COMPOSE)["services"]
CELERY = {"worker": "celery -A queue_manager worker", "beat": "celery -A queue_manager beat"}
# The notification service's own worker, from its image (queue mode).
NOTIFICATIONS_WORKER = "celery -A notifications worker"
# Every container built from the Dockerfile: the fifteen services and the Celery containers.
BUILT = [service.compose_name for service in SERVICES] + list(CELERY) + ["notifications_worker"]
DISTRIBUTED_ENVIRONMENT = {
    "MONGO_URL": "mongodb://mongo:27017/?replicaSet=rs0",
    "REDIS_URL": (
        "redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD in .env (scripts/keys prints one)}"
        "@redis:6379/0"
    ),
    "PLATFORM_MODE": "distributed",
    "BIND_HOST": "0.0.0.0",
}
by_name = pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.compose_name)


def healthcheck_command(name: str) -> str:
    test = CONTAINERS[name]["healthcheck"]["test"]
    return test if isinstance(test, str) else " ".join(test)


def test_compose_runs_the_fifteen_services_their_backends_celery_and_traefik():
    assert set(CONTAINERS) == {*BUILT, "mongo", "redis", "traefik"}


@by_name
def test_every_service_is_built_from_the_dockerfile_with_its_folder_and_port(service):
    build = CONTAINERS[service.compose_name]["build"]

    assert build["context"] == "."
    assert build.get("dockerfile", "Dockerfile") == "Dockerfile"
    packages = {"SYSTEM_PACKAGES": "chromium"} if service.folder == "queue_manager" else {}
    assert build["args"] == {"SERVICE": service.folder, "PORT": str(service.port), **packages}


@by_name
def test_every_service_exposes_its_port(service):
    container = CONTAINERS[service.compose_name]
    published = [str(mapping).rsplit(":", 1)[-1] for mapping in container.get("ports", [])]

    assert str(service.port) in [str(port) for port in container.get("expose", [])] + published


def test_only_traefik_the_edge_publishes_a_host_port():
    assert [name for name, container in CONTAINERS.items() if "ports" in container] == ["traefik"]


def test_traefik_publishes_the_dashboard_port_5000():
    assert CONTAINERS["traefik"]["ports"] == ["5000:80"]


def traefik_routes() -> dict[str, str]:
    """Path prefix -> the compose service Traefik sends it to."""
    routes = {}
    for name, container in CONTAINERS.items():
        for label, value in container.get("labels", {}).items():
            if label.endswith(".rule"):
                routes[re.fullmatch(r"PathPrefix\(`(.*)`\)", value).group(1)] = name
    return routes


def compose_router_table() -> dict[str, str]:
    """Path prefix -> compose service, as the router in compose routes."""
    overrides = {
        key.removeprefix("ROUTER_").lower(): value
        for key, value in CONTAINERS["router"]["environment"].items()
        if key.startswith("ROUTER_") and key.endswith("_URL")
    }
    table = Routes(RouterSettings(**overrides)).table
    return {prefix: urlsplit(upstream.url).hostname for prefix, upstream in table}


def test_the_router_in_compose_reaches_each_upstream_by_its_service_name():
    assert set(compose_router_table().values()) <= set(CONTAINERS)


SOCKET_PATHS = {
    "/sockets/general/": "general_socket",
    "/sockets/conversation/": "conversation_socket",
}


def v1_routes() -> dict[str, str]:
    """The router's table in Traefik: /v1/ and the authorization server's metadata."""
    return {
        prefix: name
        for prefix, name in traefik_routes().items()
        if prefix.startswith("/v1") or prefix == METADATA_PATH
    }


def test_traefik_routes_v1_by_the_routers_own_table():

    assert v1_routes() == compose_router_table()


def test_everything_else_reaches_the_gateways_dashboard():
    assert traefik_routes()["/"] == "gateway"


def test_every_v1_route_passes_the_session_exchange_first():
    for name in v1_routes().values():
        middlewares = CONTAINERS[name]["labels"][f"traefik.http.routers.{name}.middlewares"]
        assert middlewares == "platform-auth@docker", name


def test_traefik_routes_each_socket_service_under_its_own_path():
    socket_routes = {
        prefix: name for prefix, name in traefik_routes().items() if "sockets" in prefix
    }

    assert socket_routes == SOCKET_PATHS


@pytest.mark.parametrize("prefix, name", SOCKET_PATHS.items())
def test_a_socket_path_reaches_the_service_as_socket_io_on_a_sticky_replica(prefix, name):
    labels = CONTAINERS[name]["labels"]

    assert labels[f"traefik.http.routers.{name}.middlewares"] == f"{name}-path@docker"
    assert labels[f"traefik.http.middlewares.{name}-path.stripprefix.prefixes"] == prefix[:-1]
    assert labels[f"traefik.http.services.{name}.loadbalancer.sticky.cookie"] == "true"


def test_the_session_exchange_is_the_routers_forward_auth_endpoint():
    labels = CONTAINERS["traefik"]["labels"]
    prefix = "traefik.http.middlewares."

    assert labels[prefix + "session-exchange.forwardauth.address"] == (
        "http://router:5001/v1/auth/exchange"
    )
    assert labels[prefix + "session-exchange.forwardauth.authResponseHeaders"] == "Authorization"
    # Traefik deletes each of authResponseHeaders from the forwarded request before copying
    # the exchange's: the client's own Authorization reaches the exchange, never a service.
    assert labels[prefix + "platform-auth.chain.middlewares"] == "session-exchange,drop-session"


def test_the_gateways_status_panel_lists_every_service_by_its_compose_name():
    targets = json.loads(CONTAINERS["gateway"]["environment"]["GATEWAY_STATUS_TARGETS"])

    assert {name: urlsplit(url).hostname for name, url in targets.items()} == {
        service.compose_name: service.compose_name for service in SERVICES
    }


@by_name
def test_every_service_has_a_healthcheck_on_its_port(service):
    command = healthcheck_command(service.compose_name)

    assert command.startswith("CMD python -c")
    assert re.findall(r"http://127\.0\.0\.1:(\d+)/health", command) == [str(service.port)]


@pytest.mark.parametrize("name", BUILT)
def test_every_container_waits_for_healthy_mongo_and_redis(name):
    depends_on = CONTAINERS[name]["depends_on"]

    assert depends_on["mongo"] == {"condition": "service_healthy"}
    assert depends_on["redis"] == {"condition": "service_healthy"}


def test_every_dependency_is_waited_for_until_healthy():
    conditions = {
        (name, dependency): settings.get("condition")
        for name, container in CONTAINERS.items()
        for dependency, settings in container.get("depends_on", {}).items()
    }

    assert conditions
    assert {pair: "service_healthy" for pair in conditions} == conditions


def test_every_dependency_has_a_healthcheck():
    dependencies = {
        dependency
        for container in CONTAINERS.values()
        for dependency in container.get("depends_on", {})
    }

    for dependency in dependencies:
        healthcheck = CONTAINERS[dependency].get("healthcheck", {})
        assert healthcheck.get("test") and not healthcheck.get("disable"), dependency


def test_the_gateway_waits_for_the_router():
    assert CONTAINERS["gateway"]["depends_on"]["router"] == {"condition": "service_healthy"}


@pytest.mark.parametrize("upstream", ["internal_api", "external_api"])
def test_the_router_waits_for_the_apis_it_routes_to(upstream):
    assert CONTAINERS["router"]["depends_on"][upstream] == {"condition": "service_healthy"}


def test_mongo_7_runs_as_the_replica_set_the_services_connect_to():
    mongo = CONTAINERS["mongo"]
    command = mongo["command"]

    assert re.fullmatch(r"mongo:7([.-].*)?", mongo["image"])
    assert command[command.index("--replSet") + 1] == "rs0"


def test_mongos_healthcheck_initiates_the_replica_set():
    command = healthcheck_command("mongo")

    assert "mongosh" in command
    assert "rs.initiate({_id: 'rs0', members: [{_id: 0, host: 'mongo:27017'}]})" in command


def test_redis_7_is_healthy_when_it_answers_ping():
    redis = CONTAINERS["redis"]

    assert re.fullmatch(r"redis:7([.-].*)?", redis["image"])
    assert "redis-cli ping | grep -q PONG" in healthcheck_command("redis")


@pytest.mark.parametrize("name", CELERY)
def test_celery_runs_the_queue_managers_app_from_its_image(name):
    container = CONTAINERS[name]

    assert container["build"] == CONTAINERS["queue_manager"]["build"]
    assert f"{container['command']} ".startswith(f"{CELERY[name]} --loglevel=INFO ")


@pytest.mark.parametrize("name", CELERY)
def test_celery_replaces_the_images_http_healthcheck(name):
    # Neither runs the HTTP server, so the image's /health check would call them unhealthy.
    healthcheck = CONTAINERS[name]["healthcheck"]

    assert healthcheck.get("disable") or "/health" not in healthcheck_command(name)


def test_the_notifications_worker_runs_the_notification_services_app_from_its_image():
    container = CONTAINERS["notifications_worker"]

    assert container["build"] == CONTAINERS["notifications"]["build"]
    assert f"{container['command']} ".startswith(f"{NOTIFICATIONS_WORKER} --loglevel=INFO ")
    assert "inspect ping --destination celery@$$HOSTNAME" in healthcheck_command(
        "notifications_worker"
    )


def test_the_notification_service_in_compose_sends_through_its_worker():
    assert CONTAINERS["notifications"]["environment"]["NOTIFICATIONS_QUEUE_MODE"] == "true"


def test_the_worker_is_healthy_when_its_own_node_answers_a_ping():
    assert "inspect ping --destination celery@$$HOSTNAME" in healthcheck_command("worker")


@pytest.mark.parametrize("name", BUILT)
def test_every_container_reads_only_its_own_optional_env_file(name):
    assert CONTAINERS[name]["env_file"] == [{"path": f".env.d/{name}.env", "required": False}]


@pytest.mark.parametrize("name", BUILT)
def test_scripts_keys_writes_a_file_for_every_container(name):
    assert name in SECRETS_FOR


@pytest.mark.parametrize("name", [name for name in SECRETS_FOR if name != "router"])
def test_no_container_but_the_router_holds_the_user_token_signing_key(name):
    assert "ROUTER_JWT_PRIVATE_KEY" not in SECRETS_FOR[name]


def test_only_internal_api_and_the_router_hold_the_session_state_key():
    holders = {name for name, names in SECRETS_FOR.items() if "SESSION_STATE_KEY" in names}

    assert holders == {"internal_api", "router"}


def test_redis_requires_the_password_every_service_connects_with():
    redis = CONTAINERS["redis"]

    assert "--requirepass" in " ".join(redis["command"])
    assert "REDISCLI_AUTH" in " ".join(redis["healthcheck"]["test"])
    assert DISTRIBUTED_ENVIRONMENT["REDIS_URL"].startswith("redis://:${REDIS_PASSWORD:?")


@pytest.mark.parametrize("name", BUILT)
def test_forwarded_for_is_believed_only_from_the_compose_network(name):
    environment = CONTAINERS[name]["environment"]
    subnet = yaml.safe_load(COMPOSE)["networks"]["default"]["ipam"]["config"][0]["subnet"]

    assert "FORWARDED_ALLOW_IPS" not in environment
    assert json.loads(environment["TRUSTED_PROXIES"]) == [subnet]


@pytest.mark.parametrize("name", BUILT)
def test_every_container_runs_distributed_on_the_compose_mongo_and_redis(name):
    environment = CONTAINERS[name]["environment"]

    assert {key: environment.get(key) for key in DISTRIBUTED_ENVIRONMENT} == (
        DISTRIBUTED_ENVIRONMENT
    )


OUTSIDE_ADDRESSES = ("PUBLIC_URL", "DASHBOARD_URL", "SHORT_URL_BASE")


def loopback_urls(service: Service) -> list[str]:
    """The variables of a service whose default reaches another service on 127.0.0.1: right
    in embedded mode, wrong in a container."""
    settings_class = service.settings_class()
    names = [
        env_name(settings_class, field)
        for field, info in settings_class.model_fields.items()
        if isinstance(info.default, str) and info.default.startswith("http://127.0.0.1")
    ]
    return [name for name in names if not name.endswith(OUTSIDE_ADDRESSES)]


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.compose_name)
def test_every_url_of_another_service_is_its_compose_name_in_a_container(service):
    environment = CONTAINERS[service.compose_name]["environment"]

    left_on_loopback = [
        name
        for name in loopback_urls(service)
        if "127.0.0.1" in environment.get(name, "http://127.0.0.1")
    ]

    assert left_on_loopback == []


def test_internal_api_and_the_worker_share_the_files_volume_at_files_dir():
    mounting = {
        name
        for name, container in CONTAINERS.items()
        if "files:/files" in container.get("volumes", [])
    }

    assert mounting == {"internal_api", "worker"}
    assert yaml.safe_load(COMPOSE)["x-environment"]["FILES_DIR"] == "/files"
    assert "files" in yaml.safe_load(COMPOSE)["volumes"]
    assert "install -d -o app /files" in (ROOT / "Dockerfile").read_text()
