"""Who may send which event: the one table every client event is checked against before its
payload is read. A visitor holds only `is-auth-visitor` and may send only the visitor events;
a user may not send them. An event missing here is refused."""

from general_socket.live_chat.tokens import VISITOR_SCOPE
from shared.utilities.acks import Rule, allowed_by
from shared.utilities.auth import TokenKind

USER = TokenKind.USER
VISITOR = TokenKind.VISITOR

EVENT_RULES: dict[str, Rule] = {
    "subscribe": Rule(USER, read_only=True),
    "unsubscribe": Rule(USER, read_only=True),
    "notifications:read": Rule(USER, ("notifications:read",)),
    "visitor:session": Rule(VISITOR, (VISITOR_SCOPE,)),
    "visitor:message": Rule(VISITOR, (VISITOR_SCOPE,)),
    "visitor:identify": Rule(VISITOR, (VISITOR_SCOPE,)),
}

check = allowed_by(EVENT_RULES)
