"""Who may send which event: a user reading conversations (`conversations:read`), writing in
them for what changes them for everyone (`conversations:write`). An event missing here is
refused."""

from shared.utilities.acks import Rule, allowed_by
from shared.utilities.auth import TokenKind

READ = "conversations:read"
WRITE = "conversations:write"
READS = Rule(TokenKind.USER, (READ,))
WRITES = Rule(TokenKind.USER, (READ, WRITE))
# Reading that moves nothing (a read pointer is the user's own change): an operator's read-only
# view as the user may send these.
LOOKS = Rule(TokenKind.USER, (READ,), read_only=True)

EVENT_RULES: dict[str, Rule] = {
    "conversation:join": LOOKS,
    "conversation:leave": LOOKS,
    "message:send": WRITES,
    "message:read": READS,
    "message:delivered": READS,
    "typing:start": WRITES,
    "typing:stop": WRITES,
    "presence:list": LOOKS,
}

check = allowed_by(EVENT_RULES)
