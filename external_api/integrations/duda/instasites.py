"""InstaSites on Duda, each step asked for by the queue manager and safe to ask again: the site
made from the template (once: a made site is kept), its content library filled with the
business's data, photos and reviews (which gives its preview link), the site given to the
account's Duda customer account when claimed, and deleted when purged."""

from contextlib import suppress
from typing import Any

from external_api.integrations.duda.builder import SiteBuilder
from external_api.integrations.duda.content import content_library
from external_api.integrations.duda.repository import InstasiteRepository, SiteRepository
from external_api.integrations.duda.service import customer_name, delete_quietly
from shared.domain.instasites import repository as instasites
from shared.models.base import utc_now
from shared.models.instasite import Instasite, InstasiteBusiness
from shared.utilities.errors import NotFound

# Reviews shown on an InstaSite: the best few.
SHOWN_REVIEWS = 5


async def make_site(duda: SiteBuilder, account_id: str, instasite_id: str) -> Instasite:
    instasite = await InstasiteRepository(account_id).get(instasite_id)
    if instasite.site_name:
        return instasite
    site_name = await duda.create_site(instasite.template_id, instasite.business.name, None)
    try:
        await instasites.write(instasite, {"site_name": site_name})
    except Exception:
        await delete_quietly(duda, site_name)
        raise
    return instasite


async def fill_content(duda: SiteBuilder, account_id: str, instasite_id: str) -> Instasite:
    instasite = await InstasiteRepository(account_id).get(instasite_id)
    site_name = instasite.site_name
    if not site_name:
        raise NotFound("The InstaSite has no Duda site yet.")
    await duda.update_content(site_name, instasite_content(instasite.business))
    preview_url = await duda.preview_url(site_name)
    await instasites.write(instasite, {"preview_url": preview_url})
    return instasite


def instasite_content(business: InstasiteBusiness) -> dict[str, Any]:
    """The business's data as a profile's, with its photos and best reviews."""
    content = content_library(business)
    content["site_images"] = [
        {"label": f"Photo {number}", "url": url, "alt": business.name}
        for number, url in enumerate(business.photos, start=1)
    ]
    best = sorted(business.reviews, key=lambda review: -review.rating)[:SHOWN_REVIEWS]
    content["site_texts"] = {
        "overview": business.category,
        "custom": [
            {
                "label": f"Review {number}",
                "text": f"{review.text} ({review.author}, {review.rating}/5)",
            }
            for number, review in enumerate(best, start=1)
        ],
    }
    return content


async def claim(duda: SiteBuilder, prefix: str, account_id: str, instasite_id: str) -> Instasite:
    """The InstaSite's Duda site given to the account and recorded as one of its sites."""
    instasite = await InstasiteRepository(account_id).get(instasite_id)
    if instasite.site_id or not instasite.site_name:
        return instasite  # claimed already (a retry), or nothing to claim
    account_name = customer_name(prefix, account_id)
    await duda.ensure_customer(account_name)
    await duda.grant_site(account_name, instasite.site_name)
    site = await SiteRepository(account_id).create(
        site_name=instasite.site_name, template_id=instasite.template_id
    )
    await instasites.write(instasite, {"site_id": site.id, "claimed_at": utc_now()})
    return instasite


async def purge(duda: SiteBuilder, account_id: str, instasite_id: str) -> None:
    instasite = await InstasiteRepository(account_id).get(instasite_id)
    if instasite.site_name and not instasite.site_id:
        with suppress(NotFound):  # deleted at Duda already
            await duda.delete_site(instasite.site_name)
    await instasite.delete()
