"""`python -m misc.proxy_server`: the proxy and the service's app share the service port."""

import socket

from tests.fixtures import free_port
from tests.test_services import start, wait_for_health


def connect_status(port: int, target: str) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode())
        return int(sock.recv(4096).split()[1])


def test_the_service_port_answers_health_and_proxies():
    port = free_port()
    process = start("misc.proxy_server", port, PROXY_SERVER_ALLOWED_HOSTS='["api.stripe.com"]')
    try:
        health = wait_for_health(port, process)
        refused = connect_status(port, "evil.test:443")
    finally:
        process.terminate()
        process.wait(timeout=10)

    assert health.json()["service"] == "proxy_server"
    assert refused == 403


def test_the_proxy_stops_cleanly_on_sigterm():
    port = free_port()
    process = start("misc.proxy_server", port)
    wait_for_health(port, process)

    process.terminate()
    returncode = process.wait(timeout=10)

    assert returncode == 0
    assert "Traceback" not in process.stderr.read() + process.stdout.read()
