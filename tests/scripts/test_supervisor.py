"""The embedded-mode supervisor, as a real process serving real HTTP on free ports."""

import re
import signal
import socket
import subprocess

import httpx
import pytest

from scripts.services import SERVICES
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
    assert me.json()["account"]["name"] == "Demo Agency"


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


def test_redis_falls_back_to_the_in_process_substitute_when_redis_url_does_not_answer(tmp_path):
    silent = f"redis://127.0.0.1:{free_port()}/0"
    router = by_module("router")
    with supervised(tmp_path / "out", "--only", "router", REDIS_URL=silent) as run:
        output = run.wait_for(TABLE_PRINTED)
        ready = httpx.get(f"{run.url(router)}/ready", timeout=5)

    assert f"Redis: none answers at {silent}; using the in-process substitute" in output
    assert ready.status_code == 200
    assert ready.json()["checks"]["redis"] == "up"


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
