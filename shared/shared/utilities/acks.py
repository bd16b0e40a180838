"""Client → server socket events answered through their acknowledgement: `{"ok": true, ...}`,
or `{"ok": false, "error": {"code", "message", "details"}}` for a refusal, a bad payload or a
failure on our side. A handler's exception never reaches python-socketio, so one client's
mistake never disconnects anybody.

    @acknowledged(sio, "subscribe", Subscription, allow=scopes.check)
    async def subscribe(sid, principal, payload): ...

`allow(event, principal)` runs before the payload is read; it raises to refuse the event.
A service writes who may send what as one table, `allowed_by({"subscribe": Rule(USER), ...})`:
an event missing from it is refused.
"""

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import socketio
from pydantic import BaseModel, ValidationError

from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import DomainError, Forbidden, InvalidInput
from shared.utilities.impersonation import ImpersonationReadOnly

logger = logging.getLogger(__name__)

PayloadT = TypeVar("PayloadT", bound=BaseModel)
Handler = Callable[[str, Any, PayloadT], Awaitable[dict[str, Any] | None]]
Allow = Callable[[str, Principal], None]


@dataclass(frozen=True)
class Rule:
    """Who may send an event: a caller of this kind holding these scopes."""

    kind: TokenKind
    scopes: tuple[str, ...] = ()
    # The event changes nothing (joining a room, listing): an operator's read-only view as a
    # user may send it; every other event is refused to it (`shared.utilities.impersonation`).
    read_only: bool = False


def allowed_by(rules: Mapping[str, Rule]) -> Allow:
    """The `allow` check of a service's table of events."""

    def check(event: str, principal: Principal) -> None:
        rule = rules.get(event)
        if rule is None or principal.kind is not rule.kind:
            raise Forbidden(f"You may not send {event}.")
        if not principal.has_scopes(*rule.scopes):
            missing = sorted(set(rule.scopes) - set(principal.scopes))
            raise Forbidden(
                f"Missing scope: {', '.join(missing)}.", details=[{"scope": s} for s in missing]
            )
        if principal.impersonated_by and not rule.read_only:
            raise ImpersonationReadOnly()

    return check


def failure(error: DomainError) -> dict[str, Any]:
    return {
        "ok": False,
        "error": {"code": error.code, "message": error.message, "details": error.details},
    }


def invalid_payload(error: ValidationError) -> InvalidInput:
    details = [
        {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
        for item in error.errors()
    ]
    fields = ", ".join(detail["field"] or "payload" for detail in details)
    return InvalidInput(f"Invalid fields: {fields}.", details=details)


def acknowledged(
    sio: socketio.AsyncServer, event: str, payload: type[PayloadT], *, allow: Allow | None = None
) -> Callable[[Handler], Handler]:
    """Register `handler(sid, principal, payload)` for the event; the caller is allowed and the
    payload validated first, and whatever the handler returns is added to `{"ok": true}`."""

    def register(handler: Handler) -> Handler:
        async def run(sid: str, *args: Any) -> dict[str, Any]:
            try:
                # Only an accepted connection sends events, and its handshake kept who it is.
                principal = (await sio.get_session(sid))["principal"]
                if allow:
                    allow(event, principal)
                if len(args) > 1:
                    raise InvalidInput("Send one payload object.")
                data = payload.model_validate(args[0] if args else {})
                answer = await handler(sid, principal, data)
            except ValidationError as error:
                return failure(invalid_payload(error))
            except DomainError as error:
                return failure(error)
            except Exception:
                logger.exception("%s failed", event)
                return failure(DomainError())
            return {"ok": True, **(answer or {})}

        sio.on(event, run)
        return handler

    return register
