"""The general socket's client events, each acknowledged (`shared.utilities.acks`) and each
checked against the scope table (`scopes`) before its payload is read.

Users: `subscribe` / `unsubscribe` {account_id} (an account they may act in, e.g. an agency's
sub-account), `notifications:read` {notification_id}. Visitors: `visitor:session` (a fresh
visitor token), `visitor:message` {body, client_id?}, `visitor:identify` {email, name?} (a
claim the account's users confirm: `shared.domain.messages.identity`).

Server → client: to users `notification:new`, `notifications:read`, CRM changes
(`contact:*`, `deal:*`, `import:progress`, `export:progress`), project work (`project:*`,
`board:*`, `task:*`, `comment:*`), the platform's `announcement:new` and
`announcement:withdrawn`, `live_chat:message`,
`live_chat:identified`, `live_chat:identity_confirmed`; to visitors `message:new` in their
conversation.
"""

from functools import partial
from typing import Any

import socketio
from fastapi import FastAPI

from general_socket import scopes
from general_socket.live_chat import throttle
from general_socket.live_chat.conversations import post_message, prospect_of
from general_socket.live_chat.tokens import Visitor
from general_socket.schemas import (
    AccountRef,
    NoPayload,
    NotificationRef,
    VisitorIdentity,
    VisitorMessage,
)
from general_socket.subscriptions import followable_account
from shared.domain.contacts.writing import platform_author
from shared.domain.messages.identity import claim_identity
from shared.domain.notifications import reading
from shared.domain.notifications.repository import UserNotifications
from shared.utilities import acks
from shared.utilities.auth import Principal
from shared.utilities.errors import Forbidden
from shared.utilities.outbox import collecting
from shared.utilities.realtime import account_room, conversation_room


def register_events(sio: socketio.AsyncServer, api: FastAPI) -> None:
    handles = partial(acks.acknowledged, sio, allow=scopes.check)

    @handles("subscribe", AccountRef)
    async def subscribe(sid: str, principal: Principal, payload: AccountRef) -> dict:
        await followable_account(principal, payload.account_id)
        await sio.enter_room(sid, account_room(payload.account_id))
        return {"room": account_room(payload.account_id)}

    @handles("unsubscribe", AccountRef)
    async def unsubscribe(sid: str, principal: Principal, payload: AccountRef) -> dict:
        if payload.account_id == principal.account_id:
            raise Forbidden("The connection always follows its own account.")
        await sio.leave_room(sid, account_room(payload.account_id))
        return {"room": account_room(payload.account_id)}

    @handles("notifications:read", NotificationRef)
    async def read(sid: str, principal: Principal, payload: NotificationRef) -> dict:
        """As the notifications center marks it; the user's other tabs are told."""
        mine = UserNotifications(principal.account_id, principal.sub)
        async with collecting(api.state.senders):
            _, changed = await reading.mark_read(mine, payload.notification_id)
        return {"changed": changed}

    async def keep(sid: str, visitor: Visitor) -> dict[str, Any]:
        """The visitor as the connection now knows it, and a fresh token saying so."""
        session = await sio.get_session(sid)
        await sio.save_session(sid, {**session, "principal": visitor})
        return {
            "visitor_id": visitor.sub,
            "conversation_id": visitor.conversation_id or None,
            **api.state.visitor_tokens.issue(visitor),
        }

    @handles("visitor:session", NoPayload)
    async def session(sid: str, visitor: Visitor, payload: NoPayload) -> dict:
        return await keep(sid, visitor)

    async def count_write(sid: str, visitor: Visitor) -> None:
        ip = (await sio.get_session(sid))["ip"]
        await throttle.count_write(api.state.redis, visitor, ip, api.state.settings)

    @handles("visitor:message", VisitorMessage)
    async def message(sid: str, visitor: Visitor, payload: VisitorMessage) -> dict:
        await count_write(sid, visitor)
        async with collecting(api.state.senders):
            visitor, stored, created = await post_message(visitor, payload)
            # In the room before the message is announced, so this tab hears it too.
            await sio.enter_room(sid, conversation_room(visitor.conversation_id))
        return {"message": stored.as_event(), "duplicate": not created, **await keep(sid, visitor)}

    @handles("visitor:identify", VisitorIdentity)
    async def visitor_identify(sid: str, visitor: Visitor, payload: VisitorIdentity) -> dict:
        """Recorded as the visitor's claim; the answer says nothing about the CRM."""
        await count_write(sid, visitor)
        async with collecting(api.state.senders):
            prospect = await prospect_of(visitor)
            author = await platform_author(prospect.account_id, api.state.settings)
            await claim_identity(author, prospect, payload.email, payload.name)
        return {"prospect_id": str(prospect.id)}

    @sio.on("*")
    async def unknown(event: str, sid: str, *_: Any) -> dict:
        return acks.failure(Forbidden(f"You may not send {event}."))
