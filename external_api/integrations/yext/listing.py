"""The account's Yext location matching an InstaReport's business, for its listings accuracy:
its location entities (`GET accounts/{accountId}/entities?entityTypes=location`) read as
business data and the one matching the business's name, address, phone and website best."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.yext.business import business_of
from external_api.integrations.yext.service import NAME, client_for
from shared.domain.instareports.listings import BusinessListing, address_text, best_match, hour_text
from shared.models.instareport import Business
from shared.utilities.errors import NotFound

MATCHED_FROM = 50  # Entities: List answers at most 50 a page


def listing_of(entity: dict) -> BusinessListing:
    business = business_of(entity)
    address = business["address"] or {}
    return BusinessListing(
        source=NAME,
        name=business["name"],
        address=address_text(
            address.get("lines", []),
            address.get("locality", ""),
            address.get("region", ""),
            address.get("postal_code", ""),
        ),
        phone=business["phone"],
        website=business["website"],
        hours=[
            hour_text(hours["days"][0], hours["opens"], hours["closes"])
            for hours in business["hours"]
        ],
    )


async def matching_listing(
    integrations: Integrations, account_id: str, business: Business
) -> BusinessListing:
    """409 `not_connected` without a key; 404 when no location entity matches."""
    client = await client_for(integrations, account_id)
    entities = await client.locations(MATCHED_FROM)
    best = best_match(business, [listing_of(entity) for entity in entities])
    if best is None:
        raise NotFound("No Yext location of the account matches the business.")
    return best
