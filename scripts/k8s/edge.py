"""Traefik, the production edge (as in compose): one IngressRoute sending `/v1/*` by the
router's own table straight to the services, each request first exchanged for a JWT by the
router's `/v1/auth/exchange` (forwardAuth); the sockets under `/sockets/<name>/` on a sticky
replica (a client's long-polling requests must reach the replica holding its session); the
rest to the gateway's dashboard."""

from router.exchange import PATH as EXCHANGE_PATH
from router.routing import ROUTING_TABLE
from scripts.k8s.model import NAMESPACE, k8s_name
from scripts.k8s.workloads import PART_OF, Manifest
from scripts.services import SERVICES

TRAEFIK_API = "traefik.io/v1alpha1"
SOCKET_PATHS = {
    "general_socket": "/sockets/general",
    "conversation_socket": "/sockets/conversation",
}
PORTS = {service.compose_name: service.port for service in SERVICES}
TLS_SECRET = "platform-tls"


def middleware(name: str, spec: dict) -> Manifest:
    return {
        "apiVersion": TRAEFIK_API,
        "kind": "Middleware",
        "metadata": {"name": name, "labels": {"app.kubernetes.io/part-of": PART_OF}},
        "spec": spec,
    }


def middlewares() -> list[Manifest]:
    exchange = f"http://router.{NAMESPACE}.svc.cluster.local:{PORTS['router']}{EXCHANGE_PATH}"
    return [
        # The exchange sees the client's own Authorization (a third party's token or API key);
        # Traefik replaces it on the forwarded request with the router's answer, the JWT or
        # nothing, so a client's own header never reaches a service.
        middleware(
            "session-exchange",
            {"forwardAuth": {"address": exchange, "authResponseHeaders": ["Authorization"]}},
        ),
        middleware("drop-session", {"headers": {"customRequestHeaders": {"X-Session-Id": ""}}}),
        middleware(
            "platform-auth",
            {"chain": {"middlewares": [{"name": "session-exchange"}, {"name": "drop-session"}]}},
        ),
        *(
            middleware(f"{k8s_name(name)}-path", {"stripPrefix": {"prefixes": [prefix]}})
            for name, prefix in SOCKET_PATHS.items()
        ),
    ]


def route(prefix: str, service: str, middleware_name: str | None) -> dict:
    backend: dict = {"name": k8s_name(service), "port": PORTS[service]}
    if service in SOCKET_PATHS:
        cookie = {"name": f"{service}_replica", "secure": True, "httpOnly": True}
        backend["sticky"] = {"cookie": cookie}
    entry: dict = {"match": f"PathPrefix(`{prefix}`)", "kind": "Rule", "services": [backend]}
    if middleware_name:
        entry["middlewares"] = [{"name": middleware_name}]
    return entry


def ingress_route() -> Manifest:
    routes = [route(prefix, service, "platform-auth") for prefix, service in ROUTING_TABLE]
    routes += [
        route(f"{prefix}/", name, f"{k8s_name(name)}-path") for name, prefix in SOCKET_PATHS.items()
    ]
    routes.append(route("/", "gateway", None))
    return {
        "apiVersion": TRAEFIK_API,
        "kind": "IngressRoute",
        "metadata": {"name": "platform", "labels": {"app.kubernetes.io/part-of": PART_OF}},
        "spec": {"entryPoints": ["websecure"], "routes": routes, "tls": {"secretName": TLS_SECRET}},
    }


def edge() -> list[Manifest]:
    return [*middlewares(), ingress_route()]
