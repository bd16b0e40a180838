"""Stored connections, as the OAuth callback or the key check would leave them."""

from datetime import timedelta

from beanie import PydanticObjectId

from external_api.integrations.framework.credentials import CredentialStore
from external_api.integrations.framework.oauth import TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.integrations.registry import PROVIDERS
from shared.models.base import utc_now
from shared.utilities.encryption import SecretBox
from tests.external_api.conftest import ENCRYPTION_KEY

BOX = SecretBox.from_keys([ENCRYPTION_KEY])


def store_for(name: str) -> CredentialStore:
    provider = next(provider for provider in PROVIDERS if provider.name == name)
    return CredentialStore(provider, BOX)


async def create_connection(
    name: str,
    account_id: str,
    access_token: str = "ya29.current",
    refresh_token: str = "1//refresh",
    expires_in: int | None = 3600,
    **fields,
):
    """The account connected to the OAuth provider `name`; `expires_in` seconds from now."""
    store = store_for(name)
    tokens = TokenSet(access_token, refresh_token, expires_in, ["scope"])
    credential = await store.save_tokens(account_id, "user-1", tokens, ConnectedAs())
    for field, value in fields.items():
        setattr(credential, field, value)
    if fields:
        await credential.save()
    return credential


async def expire(credential, seconds_ago: int = 60) -> None:
    credential.expires_at = utc_now() - timedelta(seconds=seconds_ago)
    await credential.save()


def new_account_id() -> str:
    return str(PydanticObjectId())
