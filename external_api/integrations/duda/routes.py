from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, status
from fastapi.responses import HTMLResponse

from external_api.integrations.duda import instasites, service
from external_api.integrations.duda.builder import SiteBuilder
from external_api.integrations.duda.errors import DudaNotConfigured
from external_api.integrations.duda.local import LOCAL_SITES_PATH, LocalSiteBuilder
from external_api.integrations.duda.schemas import InstasiteBuildRead, SiteCreate, SiteRead, SsoLink
from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import DocumentId
from external_api.integrations.framework.errors import ProviderFailed
from shared.models.duda_site import DudaSite
from shared.models.instasite import Instasite
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/duda", tags=["duda"])


def get_duda(request: Request) -> SiteBuilder:
    duda: SiteBuilder | None = request.app.state.duda
    if duda is None:
        raise DudaNotConfigured()
    return duda


PROVIDER_ERRORS = (InvalidInput, RateLimited, ProviderFailed, DudaNotConfigured, UpstreamTimeout)


def get_prefix(request: Request) -> str:
    return request.app.state.settings.duda.account_prefix


Duda = Annotated[SiteBuilder, Depends(get_duda)]
Prefix = Annotated[str, Depends(get_prefix)]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]


@router.post(
    "/sites",
    status_code=status.HTTP_201_CREATED,
    summary="Make a Duda site for the account from a template",
    response_model=SiteRead,
    responses=error_responses(Unauthorized, Forbidden, *PROVIDER_ERRORS),
)
async def create_site(
    principal: IntegrationsWrite, duda: Duda, prefix: Prefix, site: SiteCreate
) -> DudaSite:
    return await service.create_site(duda, prefix, principal.account_id, site)


@router.get(
    "/sites",
    summary="The account's Duda sites, newest first",
    response_model=Page[SiteRead],
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_sites(principal: IntegrationsRead, paging: Paging) -> Page[DudaSite]:
    return await service.list_sites(principal.account_id, paging)


@router.post(
    "/sites/{site_id}/publish",
    summary="Publish the site's current version",
    response_model=SiteRead,
    responses=error_responses(Unauthorized, Forbidden, NotFound, *PROVIDER_ERRORS),
)
async def publish_site(principal: IntegrationsWrite, duda: Duda, site_id: DocumentId) -> DudaSite:
    return await service.publish(duda, principal.account_id, site_id)


@router.get(
    "/sites/{site_id}/sso",
    summary="A link signing the user in to Duda's editor on the site",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *PROVIDER_ERRORS),
)
async def sso_link(
    principal: IntegrationsWrite, duda: Duda, prefix: Prefix, site_id: DocumentId
) -> SsoLink:
    return SsoLink(url=await service.sso_link(duda, prefix, principal.account_id, site_id))


@router.put(
    "/accounts/{account_id}/sites/{site_id}/business",
    response_model=SiteRead,
    summary="Push the account's business data to the site's content library (services only)",
    description="The account's business profile (name, address, hours, phone, email, logo) "
    "written to the site's Duda content library, and published there when the site is.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *PROVIDER_ERRORS),
)
async def push_business(
    account_id: DocumentId, site_id: DocumentId, caller: QueueManager, duda: Duda
) -> DudaSite:
    return await service.push_business(duda, account_id, site_id)


INSTASITE = "/accounts/{account_id}/instasites/{instasite_id}"
INSTASITE_ERRORS = (Unauthorized, Forbidden, NotFound, *PROVIDER_ERRORS)


@router.post(
    INSTASITE + "/site",
    response_model=InstasiteBuildRead,
    summary="Make an InstaSite's Duda site from its template, once (services only)",
    responses=error_responses(*INSTASITE_ERRORS),
)
async def make_instasite_site(
    account_id: DocumentId, instasite_id: DocumentId, caller: QueueManager, duda: Duda
) -> Instasite:
    return await instasites.make_site(duda, account_id, instasite_id)


@router.put(
    INSTASITE + "/content",
    response_model=InstasiteBuildRead,
    summary="Fill an InstaSite's content library and read its preview link (services only)",
    responses=error_responses(*INSTASITE_ERRORS),
)
async def fill_instasite_content(
    account_id: DocumentId, instasite_id: DocumentId, caller: QueueManager, duda: Duda
) -> Instasite:
    return await instasites.fill_content(duda, account_id, instasite_id)


@router.post(
    INSTASITE + "/claim",
    response_model=InstasiteBuildRead,
    summary="Give a claimed InstaSite's site to the account as one of its sites (services only)",
    responses=error_responses(*INSTASITE_ERRORS),
)
async def claim_instasite(
    account_id: DocumentId,
    instasite_id: DocumentId,
    caller: QueueManager,
    duda: Duda,
    prefix: Prefix,
) -> Instasite:
    return await instasites.claim(duda, prefix, account_id, instasite_id)


@router.delete(
    INSTASITE,
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an unclaimed InstaSite and its Duda site (services only)",
    responses=error_responses(*INSTASITE_ERRORS),
)
async def purge_instasite(
    account_id: DocumentId, instasite_id: DocumentId, caller: QueueManager, duda: Duda
) -> None:
    await instasites.purge(duda, account_id, instasite_id)


@router.get(
    LOCAL_SITES_PATH.removeprefix(router.prefix) + "{site_name}",
    response_class=HTMLResponse,
    summary="A site of the local site builder (embedded mode without Duda credentials)",
    description="What the local stand-in for Duda holds of the site: its business name, phone, "
    "address and whether it is published; the editor and preview links of its sites open it. "
    "404 wherever Duda itself is configured.",
    responses={200: {"content": {"text/html": {}}}, **error_responses(NotFound)},
)
async def local_site(request: Request, site_name: Annotated[str, Path(max_length=100)]) -> str:
    builder = request.app.state.duda
    if not isinstance(builder, LocalSiteBuilder):
        raise NotFound("There is no local site builder here: Duda itself is configured.")
    return builder.page(site_name)
