"""The account's Yext publishers and listings, read with its own key."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.yext.client import YextClient
from external_api.integrations.yext.schemas import Listing
from shared.models.yext_key import YextKey
from shared.providers.yext import Publisher
from shared.utilities.pagination import Page, PageParams, Pagination

NAME = "yext"


async def client_for(integrations: Integrations, account_id: str) -> YextClient:
    credential: YextKey = await integrations.store(NAME).connected(account_id)
    http = integrations.connected_http(NAME, account_id)
    return YextClient(http, credential.external_id, integrations.settings.yext.api_version)


async def list_publishers(integrations: Integrations, account_id: str) -> list[Publisher]:
    return await (await client_for(integrations, account_id)).list_publishers()


async def list_listings(
    integrations: Integrations,
    account_id: str,
    params: PageParams,
    location_ids: list[str],
    publisher_ids: list[str],
    statuses: list[str],
) -> Page[Listing]:
    client = await client_for(integrations, account_id)
    page = await client.list_listings(
        params.limit, params.skip, location_ids, publisher_ids, statuses
    )
    pagination = Pagination.of(params, len(page.listings), page.count)
    return Page[Listing](data=page.listings, pagination=pagination)
