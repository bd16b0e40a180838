"""Two replicas of internal_api and of each socket service, each its own process on its own
port, behind one router: requests are shared between the replicas; one killed under load costs
no request (idempotent ones are sent again, the others never reach it once its connections
fail) and is used again once back; a socket's long-polling requests reach the replica holding
its session, whichever replica each socket opened on, and emits reach the sockets of both."""

import asyncio
import os
from collections.abc import AsyncIterator

import httpx
import pytest
import socketio
from fastapi import FastAPI

from router.app import create_app as create_router
from router.settings import RouterSettings
from shared.utilities.realtime import Socket, SocketEmitter, account_room
from tests.factories import create_signed_in, user_token
from tests.replica_processes import ReplicaProcess, replicas_of

# internal_api's OAuth metadata: public (no session), an idempotent GET needing no data.
METADATA = "/.well-known/oauth-authorization-server"
SOCKET_PATHS = {
    "general_socket": "/sockets/general/socket.io",
    "conversation_socket": "/sockets/conversation/socket.io",
}


def urls(replicas: list[ReplicaProcess]) -> str:
    return ",".join(replica.url for replica in replicas)


@pytest.fixture(scope="module")
async def services() -> AsyncIterator[dict[str, list[ReplicaProcess]]]:
    async with replicas_of("internal_api", "general_socket", "conversation_socket") as started:
        yield started


@pytest.fixture(scope="module")
async def router(services, serve_module) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    no_limits = {f"rate_limit_per_{kind}": "" for kind in ("account", "session", "ip")}
    settings = RouterSettings(
        internal_api_url=urls(services["internal_api"]),
        general_socket_url=urls(services["general_socket"]),
        conversation_socket_url=urls(services["conversation_socket"]),
        replica_down_seconds=1,
        **no_limits,
    )
    app = create_router(settings)
    async with serve_module(app) as url, httpx.AsyncClient(base_url=url, timeout=30) as client:
        yield client, app


@pytest.fixture(scope="module")
def serve_module():
    from tests.fixtures import running

    return running


async def hang_up(client: socketio.AsyncClient) -> None:
    """Leave at once: a long-polling client's disconnect otherwise waits for its pending poll
    to time out (python-engineio's client, with or without the router in between)."""
    await client.eio.disconnect(abort=True)
    if task := getattr(client.eio, "read_loop_task", None):
        task.cancel()


async def load(client: httpx.AsyncClient, count: int, callers: int = 8) -> list[int]:
    """`count` GETs of METADATA from `callers` concurrent callers; their statuses."""
    statuses: list[int] = []

    async def caller() -> None:
        while len(statuses) < count:
            statuses.append((await client.get(METADATA)).status_code)

    await asyncio.gather(*(caller() for _ in range(callers)))
    return statuses


async def test_a_replica_killed_under_load_costs_no_request_and_is_used_again_once_back(
    services, router
):
    client, _ = router
    first, second = services["internal_api"]
    await load(client, 20)
    shared = (first.served(METADATA), second.served(METADATA))

    async def kill_midway() -> None:
        await asyncio.sleep(0.2)
        first.kill()

    statuses, _ = await asyncio.gather(load(client, 150), kill_midway())
    logins = [
        await client.post("/v1/auth/login", json={"email": "nobody@example.com", "password": "x"})
        for _ in range(5)
    ]
    await first.start()  # on the same port, as a restarted pod
    await asyncio.sleep(1)  # ROUTER_REPLICA_DOWN_SECONDS
    before = first.served(METADATA)
    await load(client, 20)

    assert min(shared) > 0
    assert set(statuses) == {200}
    assert {login.status_code for login in logins} == {401}
    assert first.served(METADATA) > before


@pytest.mark.parametrize("service", ["general_socket", "conversation_socket"])
async def test_sockets_on_either_replica_keep_their_session_and_hear_emits(
    services, router, service, mongo
):
    client, app = router
    url = str(client.base_url)
    me = await create_signed_in()
    token = user_token(me.state)
    polling = [socketio.AsyncClient(reconnection=False) for _ in range(2)]
    websocket = socketio.AsyncClient(reconnection=False)
    heard: asyncio.Queue = asyncio.Queue()
    for socket in [*polling, websocket]:
        socket.on("replicas:note", heard.put_nowait)
    path = SOCKET_PATHS[service]
    for socket in polling:
        await socket.connect(url, auth={"token": token}, socketio_path=path, transports=["polling"])
    holders = {app.state.sockets.sticky.holder(socket.eio.sid).url for socket in polling}
    await websocket.connect(
        url, auth={"token": token}, socketio_path=path, transports=["websocket"]
    )

    emitter = SocketEmitter(os.environ["REDIS_URL"])
    await emitter.emit(
        Socket(service), "replicas:note", {"n": 1}, account_room(me.state.account_id)
    )
    notes = [await asyncio.wait_for(heard.get(), 10) for _ in range(3)]
    for socket in [*polling, websocket]:
        await hang_up(socket)

    assert holders == {replica.url for replica in services[service]}  # one socket on each
    assert notes == [{"n": 1}] * 3
