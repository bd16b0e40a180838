"""A live-chat widget of an account: the public key a website embeds to open a visitor socket,
and the origins allowed to use it.

The key is public (it sits in the site's HTML), so it is stored as it is; what protects the
account is that a visitor holding it can only chat in its own conversation. Rotating the key
makes the old one stop working.
"""

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class LiveChatWidget(TenantDocument):
    name: str
    key: str
    # Browser origins (scheme://host[:port]) allowed to connect with the key; empty: any.
    allowed_origins: list[str] = []
    enabled: bool = True

    class Settings:
        name = "live_chat_widgets"
        use_state_management = True
        indexes = [
            IndexModel([("key", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", ASCENDING)]),
        ]
