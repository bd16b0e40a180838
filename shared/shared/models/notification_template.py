"""An account's own wording for one kind of notification on one channel.

Accounts start from the notification service's default set (invitation, password reset, ...);
a template stored here replaces the default for its (event, channel) in that account.
"""

from enum import StrEnum

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    PUSH = "push"


class NotificationTemplate(TenantDocument):
    event: str  # the kind of notification: "invitation", "new_lead", or the account's own
    channel: Channel
    # Jinja2 sources. `subject` is the email subject or the push title; `html` is email only.
    subject: str = ""
    text: str
    html: str = ""
    # Marketing email carries an unsubscribe link and honours the recipient's opt-out.
    marketing: bool = False
    # Carries a secret (a reset link): the delivery log shows it without its body.
    sensitive: bool = False

    class Settings:
        name = "notification_templates"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("event", ASCENDING), ("channel", ASCENDING)],
                unique=True,
            ),
            # The account's templates, newest first.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
