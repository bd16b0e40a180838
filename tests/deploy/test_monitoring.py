"""deploy/monitoring: the Grafana dashboard and the Prometheus alert rules are well formed, and
every metric their expressions name is one the services really export, read from the /metrics
of real apps (the queue manager's shows the factory's, the pools', the queues' and the Celery
tasks' metrics; the router and the general socket add their own)."""

import json
import re
from pathlib import Path

import httpx
import pytest
import yaml
from asgi_lifespan import LifespanManager
from prometheus_client.parser import text_string_to_metric_families

from general_socket.app import create_app as general_socket_app
from general_socket.settings import GeneralSocketSettings
from queue_manager.app import create_app as queue_manager_app
from queue_manager.settings import QueueManagerSettings
from router.app import create_app as router_app
from router.settings import RouterSettings

MONITORING = Path(__file__).resolve().parents[2] / "deploy" / "monitoring"
DASHBOARD = json.loads((MONITORING / "grafana-dashboard.json").read_text())
ALERTS = yaml.safe_load((MONITORING / "alerts.yaml").read_text())
RULES = [rule for group in ALERTS["groups"] for rule in group["rules"]]
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
KEYWORDS = {"and", "or", "unless", "bool", "offset", "by", "without", "le", "inf", "nan"}


def exported_names(exposition: str) -> set[str]:
    """Every series name the exposition can carry, its families' without samples included."""
    names = set()
    for family in text_string_to_metric_families(exposition):
        names |= {family.name + suffix for suffix in SUFFIXES.get(family.type, ("",))}
        names |= {sample.name for sample in family.samples}
    return names


@pytest.fixture(scope="module")
async def exported() -> set[str]:
    apps = [
        queue_manager_app(QueueManagerSettings()),
        router_app(RouterSettings()),
        general_socket_app(GeneralSocketSettings()),
    ]
    names: set[str] = set()
    for app in apps:
        async with LifespanManager(app) as running:
            transport = httpx.ASGITransport(app=running.app, client=("127.0.0.1", 40000))
            async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
                await client.get("/health")
                response = await client.get("/metrics")
        assert response.status_code == 200
        names |= exported_names(response.text)
    return names


def metric_names(expression: str) -> set[str]:
    """The metric names in a PromQL expression: what is left once strings, label matchers,
    ranges, grouping clauses and function calls are taken out."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', "", expression)
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text)
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    tokens = re.findall(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()", text)
    return {token for token in tokens if token.lower() not in KEYWORDS}


def panel_expressions() -> list[str]:
    return [target["expr"] for panel in DASHBOARD["panels"] for target in panel["targets"]]


def test_metric_names_are_read_out_of_promql():
    expression = 'histogram_quantile(0.99, sum by (le) (rate(a_bucket{s=~"5.."}[5m]))) / b > 1'

    assert metric_names(expression) == {"a_bucket", "b"}


def test_the_dashboard_is_grafana_json_with_a_query_on_every_panel():
    assert DASHBOARD["uid"] and DASHBOARD["panels"]
    for panel in DASHBOARD["panels"]:
        assert panel["type"] == "timeseries" and panel["targets"], panel["title"]
        assert all(target["expr"] for target in panel["targets"]), panel["title"]


async def test_every_metric_the_dashboard_shows_is_exported(exported):
    named = set().union(*map(metric_names, panel_expressions()))

    assert named - exported == set()


def test_every_alert_has_an_expression_a_severity_and_a_summary():
    for rule in RULES:
        assert rule["alert"] and rule["expr"], rule
        assert rule["labels"]["severity"] in {"page", "ticket"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]


async def test_every_metric_an_alert_names_is_exported(exported):
    named = set().union(*(metric_names(rule["expr"]) for rule in RULES))

    assert named - exported == set()


@pytest.mark.parametrize(
    "metric",
    [
        "http_requests_total",  # error rate
        "http_request_duration_seconds_bucket",  # p99
        "celery_queue_oldest_waiting_seconds",  # queue age
        "celery_tasks_total",  # dead letters
        "celery_dead_letters",
    ],
)
def test_an_alert_watches(metric):
    assert any(metric in metric_names(rule["expr"]) for rule in RULES)
