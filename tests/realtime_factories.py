"""Factories for what the real-time features store: conversations, notifications and live-chat
widgets."""

import secrets

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.conversation import Conversation, ConversationKind
from shared.models.live_chat_widget import LiveChatWidget
from shared.models.membership import ROLE_SCOPES, Role
from shared.models.notification import Notification
from shared.models.user import User
from shared.utilities.auth import Principal, TokenKind
from tests.factories import SignedIn, user_token


async def create_notification(account: Account, user: User, **overrides) -> Notification:
    fields = {"account_id": account.id, "user_id": user.id, "kind": "test", "title": "Hello"}
    return await Notification(**{**fields, **overrides}).insert()


async def create_widget(account: Account, **overrides) -> LiveChatWidget:
    fields = {"account_id": account.id, "name": "Website", "key": secrets.token_urlsafe(16)}
    return await LiveChatWidget(**{**fields, **overrides}).insert()


async def create_channel(**overrides) -> Conversation:
    """A team channel of an account nobody needs to look at."""
    fields = {
        "account_id": PydanticObjectId(),
        "kind": ConversationKind.CHANNEL,
        "title": "general",
    }
    return await Conversation(**{**fields, **overrides}).insert()


def acting_in(agency_user: SignedIn, sub_account) -> dict[str, str]:
    """The headers of an agency owner or admin who switched into one of its sub-accounts (the
    router's token says they act there as an admin, without a membership of their own)."""
    principal = Principal(
        kind=TokenKind.USER,
        sub=str(agency_user.user.id),
        sid=str(agency_user.record.id),
        account_id=str(sub_account.id),
        agency_id=str(agency_user.account.id),
        role=Role.ADMIN,
        scopes=ROLE_SCOPES[Role.ADMIN],
    )
    return {"authorization": f"Bearer {user_token(principal)}"}
