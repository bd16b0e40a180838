"""Who may send which event: the one table every client event is checked against before its
payload is read. A visitor holds only `is-auth-visitor` and may send only the visitor events;
a user may not send them. An event missing here is refused."""

from dataclasses import dataclass

from general_socket.live_chat.tokens import VISITOR_SCOPE
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import Forbidden


@dataclass(frozen=True)
class Rule:
    kind: TokenKind
    scopes: tuple[str, ...] = ()


USER = TokenKind.USER
VISITOR = TokenKind.VISITOR

EVENT_RULES: dict[str, Rule] = {
    "subscribe": Rule(USER),
    "unsubscribe": Rule(USER),
    "notifications:read": Rule(USER, ("notifications:read",)),
    "visitor:session": Rule(VISITOR, (VISITOR_SCOPE,)),
    "visitor:message": Rule(VISITOR, (VISITOR_SCOPE,)),
    "visitor:identify": Rule(VISITOR, (VISITOR_SCOPE,)),
}


def check(event: str, principal: Principal) -> None:
    rule = EVENT_RULES.get(event)
    if rule is None or principal.kind is not rule.kind:
        raise Forbidden(f"You may not send {event}.")
    if not principal.has_scopes(*rule.scopes):
        missing = sorted(set(rule.scopes) - set(principal.scopes))
        raise Forbidden(
            f"Missing scope: {', '.join(missing)}.", details=[{"scope": s} for s in missing]
        )
