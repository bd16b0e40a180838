"""A CRM sync set up for an account, as its admin's `PUT /v1/e/crm-sync/<provider>` leaves it
(the provider's default mapping, import not yet run), and the queue manager's calls."""

from external_api.integrations.crm_sync.adapters import ADAPTERS
from shared.models.account import Account
from shared.models.crm_sync_connection import CrmSyncConnection
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account


async def syncing_account(provider: str) -> Account:
    account = await create_account()
    field_map = ADAPTERS[provider].default_field_map
    await CrmSyncConnection(account_id=account.id, provider=provider, field_map=field_map).insert()
    return account


def from_queue_manager() -> dict[str, str]:
    token = service_token(authenticator_for(ServiceSettings()), "queue_manager", "external_api")
    return {"authorization": f"Bearer {token}"}


def pull_path(provider: str, account_id: str) -> str:
    return f"/v1/e/crm-sync/{provider}/accounts/{account_id}/pull"


def push_path(provider: str, account_id: str, contact_id: str) -> str:
    return f"/v1/e/crm-sync/{provider}/accounts/{account_id}/contacts/{contact_id}/push"
