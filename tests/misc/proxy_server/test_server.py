"""`python -m misc.proxy_server`: the proxy and the service's app share the service port."""

import socket

from tests.fixtures import free_port
from tests.test_services import start, wait_for_health


def open_tunnel(port: int, target: str) -> tuple[int, socket.socket]:
    """A CONNECT through the proxy on `port`: the answer's status and the connection."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode())
    return int(sock.recv(4096).split()[1]), sock


def test_the_service_port_answers_health_and_proxies():
    port = free_port()
    process = start("misc.proxy_server", port, PROXY_SERVER_ALLOWED_HOSTS='["api.stripe.com"]')
    try:
        health = wait_for_health(port, process)
        status, sock = open_tunnel(port, "evil.test:443")
        sock.close()
    finally:
        process.terminate()
        process.wait(timeout=10)

    assert health.json()["service"] == "proxy_server"
    assert status == 403


def test_the_proxy_stops_cleanly_on_sigterm_with_a_tunnel_open():
    port = free_port()
    process = start(
        "misc.proxy_server",
        port,
        PROXY_SERVER_ALLOWED_HOSTS='["127.0.0.1"]',
        PROXY_SERVER_ALLOW_LOOPBACK="true",
    )
    wait_for_health(port, process)
    # A tunnel to the proxy itself, which then waits for a request that never comes.
    status, sock = open_tunnel(port, f"127.0.0.1:{port}")

    process.terminate()
    returncode = process.wait(timeout=10)
    sock.close()

    assert status == 200
    assert returncode == 0
    assert "Traceback" not in process.stderr.read() + process.stdout.read()
