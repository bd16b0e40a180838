"""An account's CRM tag kept in sync with one email-marketing list (a Mailchimp audience, a
Constant Contact list), and
each address the sync put there with the consent it last sent: what tells a new member from
one to update, to unsubscribe, or to archive once it leaves the tag."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.integration_credential import OAuthCredential


class MailchimpToken(OAuthCredential):
    """A Mailchimp connection: its token never expires; `options` names the account's data
    centre (`dc`) and `api_endpoint`, from Mailchimp's metadata endpoint."""

    class Settings:
        name = "mailchimp_tokens"


class ConstantContactToken(OAuthCredential):
    """A Constant Contact connection: a day's access token and a refresh token."""

    class Settings:
        name = "constant_contact_tokens"


class EmailListSync(TenantDocument):
    provider: str  # mailchimp, constant-contact
    list_id: str  # the provider's audience (list) id
    tag: str  # the CRM tag whose contacts are the list's members
    webhook_id: str = ""  # the provider's webhook telling the list's unsubscribes
    last_run_at: datetime | None = None
    last_counts: dict[str, int] = {}  # what the last run did: subscribed, updated, ...
    # Providers without an unsubscribe webhook: their unsubscribes pulled up to then.
    polled_at: datetime | None = None

    class Settings:
        name = "email_list_syncs"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("list_id", ASCENDING)],
                unique=True,
            ),
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("created_at", DESCENDING)]
            ),
            # Which lists a contact's change concerns: the account's syncs, whatever provider.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # A contact's change: the account's lists of the tags it has or had.
            IndexModel([("account_id", ASCENDING), ("tag", ASCENDING)]),
            # The poll's cron: every list of the providers without an unsubscribe webhook.
            IndexModel([("provider", ASCENDING), ("account_id", ASCENDING)]),
        ]


class MemberStatus(StrEnum):
    SUBSCRIBED = "subscribed"
    UNSUBSCRIBED = "unsubscribed"


class EmailListMember(TenantDocument):
    sync_id: PydanticObjectId
    email: str  # lower-cased
    status: MemberStatus
    fields_hash: str = ""  # the merge fields last sent

    class Settings:
        name = "email_list_members"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("sync_id", ASCENDING), ("email", ASCENDING)],
                unique=True,
            )
        ]
