"""A website visitor who chats with an account (through the live-chat widget), known by the
widget's visitor id until they leave a name or an email; linked to a CRM contact once one
exists."""

from datetime import datetime

from beanie import PydanticObjectId
from pydantic import EmailStr
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ConversationProspect(TenantDocument):
    visitor_id: str  # the widget's id for the browser, unique per account
    name: str = ""
    email: EmailStr | None = None
    phone: str | None = None
    page_url: str | None = None  # where the visitor started chatting
    contact_id: PydanticObjectId | None = None
    last_seen_at: datetime | None = None

    class Settings:
        name = "conversation_prospects"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("visitor_id", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("last_seen_at", DESCENDING)]),
        ]
