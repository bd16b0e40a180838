"""Accounts connected to an API-key provider, as `PUT /v1/e/<provider>/key` leaves them."""

from external_api.integrations.framework.provider import ConnectedAs
from shared.models.integration_credential import ApiKeyCredential
from tests.external_api.factories import BOX, store_for


async def create_key_connection(
    name: str, account_id: str, api_key: str, external_id: str = "", **options
) -> ApiKeyCredential:
    connected_as = ConnectedAs(external_id=external_id, options=options)
    return await store_for(name).save_api_key(account_id, "user-1", api_key, connected_as)


def sealed(value: str) -> str:
    return BOX.seal(value)
