"""Factories for what the real-time features store: notifications and live-chat widgets."""

import secrets

from shared.models.account import Account
from shared.models.live_chat_widget import LiveChatWidget
from shared.models.notification import Notification
from shared.models.user import User


async def create_notification(account: Account, user: User, **overrides) -> Notification:
    fields = {"account_id": account.id, "user_id": user.id, "kind": "test", "title": "Hello"}
    return await Notification(**{**fields, **overrides}).insert()


async def create_widget(account: Account, **overrides) -> LiveChatWidget:
    fields = {"account_id": account.id, "name": "Website", "key": secrets.token_urlsafe(16)}
    return await LiveChatWidget(**{**fields, **overrides}).insert()
