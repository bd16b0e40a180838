"""A website visitor who chats with an account (through the live-chat widget), known by the
widget's visitor id until they leave a name or an email.

The email is what the visitor says it is, never proof: a new email makes a new contact the
prospect is linked to, but an email a contact already holds is only recorded
(`identity_pending`) until one of the account's users confirms the visitor is that contact.
"""

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
    widget_id: str | None = None  # the live-chat widget they first chatted through
    contact_id: PydanticObjectId | None = None
    # The email is a known contact's, and nobody has confirmed the visitor is that contact.
    identity_pending: bool = False
    last_seen_at: datetime | None = None

    class Settings:
        name = "conversation_prospects"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("visitor_id", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("last_seen_at", DESCENDING)]),
        ]
