"""The embedded-mode supervisor, as a real process serving real HTTP on free ports."""

import os
import re
import signal
import socket
import subprocess

import httpx
import pytest

from scripts.services import SERVICES
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.fixtures import free_port
from tests.scripts.supervised import (
    ROOT,
    SUPERVISOR,
    TABLE_PRINTED,
    environment,
    free_ports,
    supervised,
)


def by_module(module: str):
    return next(service for service in SERVICES if service.module == module)


def test_every_service_answers_health_and_is_listed_in_the_table(tmp_path):
    with supervised(tmp_path / "out") as run:
        output = run.wait_for(TABLE_PRINTED)
        answers = {s: httpx.get(f"{run.url(s)}/health", timeout=2) for s in SERVICES}

    assert {s.module: a.json()["status"] for s, a in answers.items()} == {
        s.module: "ok" for s in SERVICES
    }
    for service in SERVICES:
        name = service.settings_class().service_name
        row = rf"^{name} +{re.escape(run.url(service))} +ok +\d+\.\d\d s$"
        assert re.search(row, output, re.MULTILINE), f"no row for {name}:\n{output}"
    assert "15 of 15 services up" in output


def test_a_demo_login_is_printed_and_signs_in(tmp_path):
    with supervised(tmp_path / "out") as run:
        output = run.wait_for("demo login:")
        email, password = re.search(r"demo login: (\S+) / (\S+)", output).groups()
        gateway = run.url(by_module("gateway"))
        login = httpx.post(
            f"{gateway}/v1/auth/login", json={"email": email, "password": password}, timeout=10
        )
        me = httpx.get(
            f"{gateway}/v1/users/me",
            headers={"x-session-id": login.json()["session_id"]},
            timeout=10,
        )

    assert f"sign in at {gateway}" in output
    assert (me.json()["account"]["name"], me.json()["operator"]) == ("Demo Agency", True)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_stops_every_service_with_exit_0_within_5_seconds(tmp_path, signum):
    with supervised(tmp_path / "out") as run:
        run.wait_for("demo login:")
        run.process.send_signal(signum)
        returncode = run.process.wait(timeout=5)

    assert returncode == 0
    assert "Traceback" not in run.output()
    for service in SERVICES:
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{run.url(service)}/health", timeout=1)


def test_a_port_in_use_exits_1_naming_the_service_and_port():
    ports = free_ports()
    router = by_module("router")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports[router] = taken.getsockname()[1]
        result = subprocess.run(
            SUPERVISOR, cwd=ROOT, env=environment(ports), capture_output=True, text=True, timeout=30
        )

    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"router: port {ports[router]} on 127.0.0.1 is already in use"
        " (set ROUTER_PORT to use another port)"
    )
    assert TABLE_PRINTED not in result.stdout


def test_with_the_in_memory_database_a_redis_url_is_ignored_and_said_so(tmp_path):
    """A Redis that outlives the run would hold sessions and counters of earlier runs."""
    given = f"redis://127.0.0.1:{free_port()}/0"
    router = by_module("router")
    with supervised(tmp_path / "out", "--only", "router", REDIS_URL=given, MONGO_URL="") as run:
        output = run.wait_for(TABLE_PRINTED)
        ready = httpx.get(f"{run.url(router)}/ready", timeout=5)

    assert f"Redis: in process; REDIS_URL ({given}) is ignored with the in-memory database" in (
        output
    )
    assert ready.json()["checks"]["redis"] == "up"


def test_a_platform_mode_up_does_not_run_is_refused_naming_it():
    result = subprocess.run(
        [*SUPERVISOR],
        cwd=ROOT,
        env={**os.environ, "PLATFORM_MODE": "distributed"},
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 2
    assert "PLATFORM_MODE=distributed: ./scripts/up runs the embedded mode only" in result.stderr
    assert TABLE_PRINTED not in result.stdout


def test_services_not_started_answer_503_and_are_listed_as_not_started(tmp_path):
    with supervised(tmp_path / "out", "--only", "gateway,router,currency") as run:
        run.wait_for(TABLE_PRINTED)
        gateway = run.url(by_module("gateway"))
        call = httpx.post(f"{gateway}/v1/auth/login", json={}, timeout=5)
        token = service_token(authenticator_for(ServiceSettings()), "queue_manager", "gateway")
        status = httpx.get(
            f"{gateway}/status", headers={"authorization": f"Bearer {token}"}, timeout=5
        )

    assert call.status_code == 503
    assert call.json()["error"]["code"] == "service_not_running"
    assert "internal_api" in call.json()["error"]["message"]
    rows = {row["service"]: row["status"] for row in status.json()["services"]}
    assert (rows["internal_api"], rows["currency"], rows["router"]) == ("not started", "up", "up")


def test_only_starts_the_named_services(tmp_path):
    with supervised(tmp_path / "out", "--only", "gateway,currency") as run:
        output = run.wait_for(TABLE_PRINTED)
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{run.url(by_module('router'))}/health", timeout=1)

    assert "2 of 2 services up" in output
    assert re.search(r"^gateway ", output, re.MULTILINE)
    assert re.search(r"^currency ", output, re.MULTILINE)


def test_an_unknown_service_name_is_refused_with_the_known_names():
    result = subprocess.run(
        [*SUPERVISOR, "--only", "gateway,nope"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 2
    assert "unknown service nope; known: gateway, router" in result.stderr


def test_the_outbound_proxy_proxies_in_embedded_mode(tmp_path):
    with supervised(tmp_path / "out", "--only", "proxy_server,currency") as run:
        run.wait_for(TABLE_PRINTED)
        proxy = run.url(by_module("misc.proxy_server"))
        with socket.create_connection(("127.0.0.1", int(proxy.rsplit(":", 1)[1])), 5) as sock:
            sock.sendall(b"CONNECT not-allowed.example:443 HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = sock.recv(4096)

    assert answer.startswith(b"HTTP/1.1 403")
