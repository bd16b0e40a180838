"""Short links the platform makes for a feature (a location's review page, an affiliate's
referral link): to a destination of the platform's own making, so not checked as a user's
would be (it is the platform's own host); tracked like any other, and listed with the
account's links."""

from beanie import PydanticObjectId

from internal_api.url_shortener.destinations import with_utm
from internal_api.url_shortener.repository import ShortLinkRepository
from internal_api.url_shortener.service import Shortener, insert_with_code
from shared.models.short_link import ShortLink, UtmParameters


async def platform_link(
    shortener: Shortener,
    account_id: PydanticObjectId | str,
    created_by: str,
    destination: str,
    title: str,
    utm: UtmParameters,
) -> ShortLink:
    fields = {
        "destination": destination,
        "utm": utm,
        "target": with_utm(destination, utm),
        "title": title,
        "created_by": created_by,
        # The destination takes its own parameters; the code would only be noise on it.
        "pass_code": False,
    }
    link = await insert_with_code(ShortLinkRepository(account_id), None, fields)
    await shortener.cache.put(link)
    return link


async def retarget(shortener: Shortener, link: ShortLink, destination: str) -> ShortLink:
    """The platform's link sent somewhere new (the page it leads to moved)."""
    link.destination = destination
    link.target = with_utm(destination, link.utm)
    await link.save()
    await shortener.cache.put(link)
    return link
