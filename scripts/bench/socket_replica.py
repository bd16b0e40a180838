"""One socket replica for the sockets benchmark, holding the benchmark's channel.

    python -m scripts.bench.socket_replica <port> <account id> <conversation id> [--bare]

By default the conversation socket itself. In embedded mode each process has its own in-memory
database, so each replica stores the channel the benchmark's clients join (with MONGO_URL the
second store finds it there).

`--bare` is the baseline: a plain python-socketio server on its own Redis manager, whose
`message:send` stores nothing, checks nothing and relays the body to the room: what fan-out
costs on this machine before any of the platform's work.
"""

import argparse
import time
from typing import Any

import socketio
import uvloop
from beanie import PydanticObjectId
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp

from conversation_socket.app import create_app
from conversation_socket.settings import ConversationSocketSettings
from shared.models.conversation import Conversation, ConversationKind
from shared.utilities import db
from shared.utilities.realtime import Socket, conversation_room
from shared.utilities.server import bind, serve_until_signalled, server_for


async def store_channel(
    settings: ConversationSocketSettings, account_id: str, channel: str
) -> None:
    # The connection is the process's: the app's own lifespan joins it.
    await db.connect(settings.mongo_url, initiator="bench", database=settings.mongo_db)
    if not await Conversation.get(PydanticObjectId(channel)):
        await Conversation(
            id=PydanticObjectId(channel),
            account_id=PydanticObjectId(account_id),
            kind=ConversationKind.CHANNEL,
            title="bench",
        ).insert()


async def health(_: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def bare_app(settings: ConversationSocketSettings) -> ASGIApp:
    manager = socketio.AsyncRedisManager(settings.redis_url, channel=Socket.CONVERSATION.value)
    sio = socketio.AsyncServer(async_mode="asgi", client_manager=manager)

    @sio.on("conversation:join")
    async def join(sid: str, payload: dict[str, Any]) -> dict[str, Any]:
        await sio.enter_room(sid, conversation_room(payload["conversation_id"]))
        return {"ok": True}

    @sio.on("message:send")
    async def send(sid: str, payload: dict[str, Any]) -> dict[str, Any]:
        message = {"id": str(PydanticObjectId()), "body": payload["body"], "at": time.time()}
        await sio.emit("message:new", message, room=conversation_room(payload["conversation_id"]))
        return {"ok": True, "message": message}

    return socketio.ASGIApp(sio, other_asgi_app=Starlette(routes=[Route("/health", health)]))


async def serve(port: int, account_id: str, channel: str, bare: bool) -> None:
    settings = ConversationSocketSettings(port=port)
    if bare:
        app = bare_app(settings)
    else:
        await store_channel(settings, account_id, channel)
        app = create_app(settings)
    sock = bind(settings.service_name, settings.host, port)
    await serve_until_signalled([(server_for(app), sock)])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("account_id")
    parser.add_argument("conversation_id")
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    uvloop.run(serve(args.port, args.account_id, args.conversation_id, args.bare))
