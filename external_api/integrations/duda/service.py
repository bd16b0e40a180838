"""An account's Duda sites: made from a template, given to the account's Duda customer
account, published, and opened in the editor with a sign-on link."""

import logging

from beanie import PydanticObjectId

from external_api.integrations.duda.builder import SiteBuilder
from external_api.integrations.duda.content import content_library
from external_api.integrations.duda.repository import SiteRepository
from external_api.integrations.duda.schemas import SiteCreate
from shared.domain.sites.business import fingerprint, profile_of, push_to_site
from shared.models.base import utc_now
from shared.models.duda_site import DudaSite
from shared.utilities.errors import DomainError
from shared.utilities.pagination import Page, PageParams

logger = logging.getLogger(__name__)


def customer_name(prefix: str, account_id: str | PydanticObjectId) -> str:
    """The account's Duda customer account: one per platform account."""
    return f"{prefix}{account_id}"


async def create_site(
    duda: SiteBuilder, prefix: str, account_id: str, site: SiteCreate
) -> DudaSite:
    """All or nothing: a site Duda made but could not give to the account is deleted again."""
    site_name = await duda.create_site(site.template_id, site.business_name, site.domain_prefix)
    try:
        account_name = customer_name(prefix, account_id)
        await duda.ensure_customer(account_name)
        await duda.grant_site(account_name, site_name)
        made = await SiteRepository(account_id).create(
            site_name=site_name, template_id=site.template_id
        )
        # The new site shows the account's business data from the start.
        push_to_site(account_id, made.id, fingerprint(await profile_of(made.account_id)))
        return made
    except Exception:
        await delete_quietly(duda, site_name)
        raise


async def delete_quietly(duda: SiteBuilder, site_name: str) -> None:
    try:
        await duda.delete_site(site_name)
    except DomainError as error:
        logger.warning("Duda site %s was left behind: %s", site_name, error.message)


async def list_sites(account_id: str, params: PageParams) -> Page[DudaSite]:
    return await SiteRepository(account_id).paginate(params)


async def publish(duda: SiteBuilder, account_id: str, site_id: str) -> DudaSite:
    site = await SiteRepository(account_id).get(site_id)
    await duda.publish(site.site_name)
    site.published_at = utc_now()
    await site.save()
    return site


async def sso_link(duda: SiteBuilder, prefix: str, account_id: str, site_id: str) -> str:
    site = await SiteRepository(account_id).get(site_id)
    return await duda.sso_link(customer_name(prefix, account_id), site.site_name)


async def push_business(duda: SiteBuilder, account_id: str, site_id: str) -> DudaSite:
    """The account's current business data in the site's content library, shown on the live
    site too once it was published."""
    site = await SiteRepository(account_id).get(site_id)
    profile = await profile_of(site.account_id)
    await duda.update_content(site.site_name, content_library(profile))
    if site.published_at:
        await duda.publish_content(site.site_name)
    return site
