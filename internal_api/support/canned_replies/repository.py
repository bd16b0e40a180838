"""The canned replies of the account the caller acts in."""

import re

from pymongo.errors import DuplicateKeyError

from internal_api.support.errors import ShortcutTaken
from shared.models.support_canned_reply import SupportCannedReply
from shared.utilities.repository import TenantRepository


class CannedReplies(TenantRepository[SupportCannedReply]):
    sortable = frozenset({"created_at", "updated_at", "title", "shortcut"})
    noun = "Canned reply"

    def __init__(self, account_id: str) -> None:
        super().__init__(SupportCannedReply, account_id)

    @staticmethod
    def matching(text: str) -> dict:
        """Those whose title or shortcut holds the text, in any case, taken literally."""
        pattern = {"$regex": re.escape(text), "$options": "i"}
        return {"$or": [{"title": pattern}, {"shortcut": pattern}]}

    async def insert(self, reply: SupportCannedReply) -> SupportCannedReply:
        try:
            return await reply.insert()
        except DuplicateKeyError:
            raise ShortcutTaken() from None

    async def save(self, reply: SupportCannedReply) -> None:
        try:
            await reply.save_changes()
        except DuplicateKeyError:
            raise ShortcutTaken() from None
