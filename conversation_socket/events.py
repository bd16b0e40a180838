"""The conversation socket's events. A connection enters its user's and its account's rooms;
`conversation:join` enters a conversation's room once the user may read it.

Client → server, each acknowledged (see `shared.utilities.acks`) and checked against the
scope table (`scopes`): `conversation:join`, `conversation:leave`, `message:send`,
`message:read`, `message:delivered`, `typing:start`, `typing:stop`, `presence:list`.
Server → client: `message:new`, `message:read`, `message:delivered`, `typing:start`,
`typing:stop`, `presence`; `session:refreshed` and `session:ended` as the socket follows its
session (`shared.utilities.socket_sessions`); in support conversations `support:updated` (to
the account rooms of both sides) and `support:message_status` (`shared.domain.support`).
"""

from functools import partial

import socketio
from fastapi import FastAPI

from conversation_socket import scopes
from conversation_socket.messages import confirm, send_message
from conversation_socket.presence import Presence
from conversation_socket.schemas import ConversationRef, MessagePointer, MessageSend, NoPayload
from conversation_socket.typing_indicators import TypingIndicators
from shared.domain.messages.conversations import visible_conversation
from shared.utilities.acks import acknowledged
from shared.utilities.auth import Principal
from shared.utilities.errors import BadRequest
from shared.utilities.realtime import account_room, conversation_room, named_in, user_room
from shared.utilities.socket_sessions import SessionFollower
from shared.utilities.sockets import require_authenticated_connections


def register_events(sio: socketio.AsyncServer, api: FastAPI) -> None:
    # Redis and the outbox's senders exist once the app's lifespan has started: both are
    # looked up when an event needs them.
    typing = TypingIndicators(sio, api.state.settings.typing_ttl_seconds)
    presence = Presence(sio, lambda: api.state.redis)

    async def rescope(sid: str, principal: Principal) -> None:
        """A user who may no longer read conversations leaves every one the socket joined."""
        if principal.has_scopes(scopes.READ):
            return
        for room in sio.rooms(sid):
            if conversation_id := named_in(room, "conversation"):
                await typing.stop(sid, principal.sub, conversation_id)
                await sio.leave_room(sid, room)

    api.state.session_follower = SessionFollower(sio, api, rescope)
    handles = partial(acknowledged, sio, allow=scopes.check)

    async def on_connect(sid: str, principal: Principal) -> None:
        await sio.enter_room(sid, user_room(principal.sub))
        await sio.enter_room(sid, account_room(principal.account_id))
        await presence.opened(principal)

    require_authenticated_connections(sio, api, on_connect)

    @sio.event
    async def disconnect(sid: str, *_: object) -> None:
        api.state.session_follower.forget(sid)
        session = await sio.get_session(sid)
        if principal := session.get("principal"):
            await typing.stop_all(sid, principal.sub)
            await presence.closed(principal)

    @handles("conversation:join", ConversationRef)
    async def join(sid: str, principal: Principal, payload: ConversationRef) -> dict:
        conversation = await visible_conversation(principal, payload.conversation_id)
        await sio.enter_room(sid, conversation_room(conversation.id))
        return {"conversation_id": payload.conversation_id}

    @handles("conversation:leave", ConversationRef)
    async def leave(sid: str, principal: Principal, payload: ConversationRef) -> dict:
        await typing.stop(sid, principal.sub, payload.conversation_id)
        await sio.leave_room(sid, conversation_room(payload.conversation_id))
        return {"conversation_id": payload.conversation_id}

    @handles("message:send", MessageSend)
    async def send(sid: str, principal: Principal, payload: MessageSend) -> dict:
        return await send_message(api.state.senders, principal, payload)

    @handles("message:read", MessagePointer)
    async def read(sid: str, principal: Principal, payload: MessagePointer) -> dict:
        return await confirm(
            sio, api.state.senders, principal, payload, "last_read_message_id", "message:read"
        )

    @handles("message:delivered", MessagePointer)
    async def delivered(sid: str, principal: Principal, payload: MessagePointer) -> dict:
        return await confirm(
            sio,
            api.state.senders,
            principal,
            payload,
            "last_delivered_message_id",
            "message:delivered",
        )

    def require_joined(sid: str, conversation_id: str) -> None:
        """Typing goes only to a room the socket has joined, which it could only do once it
        was allowed to read the conversation: no database read per keystroke."""
        if conversation_room(conversation_id) not in sio.rooms(sid):
            raise BadRequest("Join the conversation first.")

    @handles("typing:start", ConversationRef)
    async def typing_start(sid: str, principal: Principal, payload: ConversationRef) -> None:
        require_joined(sid, payload.conversation_id)
        await typing.start(sid, principal.sub, payload.conversation_id)

    @handles("typing:stop", ConversationRef)
    async def typing_stop(sid: str, principal: Principal, payload: ConversationRef) -> None:
        require_joined(sid, payload.conversation_id)
        await typing.stop(sid, principal.sub, payload.conversation_id)

    @handles("presence:list", NoPayload)
    async def presence_list(sid: str, principal: Principal, payload: NoPayload) -> dict:
        return {"online": await presence.online(principal.account_id)}
