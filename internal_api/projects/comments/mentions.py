"""Mentions in a comment: `<@user_id>` (the user's id, as the users API gives it), the one
syntax the dashboard writes and the platform reads. Every user mentioned is a user of the
account (`not_account_users` otherwise, naming each one that is not); each is told by the
`task_mentioned` message, whose preview shows them as `@Name`."""

import re

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.accounts.users import require_users

MENTION = re.compile(r"<@([0-9a-f]{24})>")
PREVIEW_CHARS = 200


async def mentioned_users(account_id: str, body: str) -> list[PydanticObjectId]:
    """The users the body mentions, each once, in the order mentioned."""
    return await require_users(account_id, MENTION.findall(body), "body")


async def preview(body: str, user_ids: list[PydanticObjectId]) -> str:
    names = {}
    for user_id in user_ids:
        user = await accounts.user(user_id)
        names[str(user_id)] = user.name if user else "someone"
    shown = MENTION.sub(lambda match: "@" + names.get(match[1], "someone"), body)
    return shown if len(shown) <= PREVIEW_CHARS else shown[: PREVIEW_CHARS - 1] + "…"
