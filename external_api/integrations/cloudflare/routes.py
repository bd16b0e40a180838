"""/v1/e/cloudflare: verified custom domains' certificates, for the queue manager only (its
custom-domain queues provision, follow and release them)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, status

from external_api.integrations.cloudflare import service
from external_api.integrations.cloudflare.client import CloudflareClient
from external_api.integrations.cloudflare.errors import DomainNotVerified
from external_api.integrations.cloudflare.schemas import DomainTlsRead
from external_api.integrations.framework.dependencies import DocumentId
from external_api.integrations.framework.errors import ProviderFailed
from shared.models.custom_domain import CustomDomain
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    NotFound,
    RateLimited,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)

router = APIRouter(prefix="/v1/e/cloudflare", tags=["cloudflare"])

QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
HostnameId = Annotated[str, Path(pattern=r"^[0-9A-Za-z-]{1,64}$")]
PROVIDER_ERRORS = (RateLimited, ProviderFailed, UpstreamTimeout)


def get_cloudflare(request: Request) -> CloudflareClient | None:
    return request.app.state.cloudflare


Cloudflare = Annotated[CloudflareClient | None, Depends(get_cloudflare)]


@router.put(
    "/accounts/{account_id}/domains/{domain_id}/tls",
    response_model=DomainTlsRead,
    summary="Provision or refresh a verified domain's certificate (services only)",
    description="Makes the domain's Cloudflare custom hostname when it has none, else reads "
    "it back, and stores the certificate's status and expiry on the domain. Without "
    "Cloudflare configured, answers the domain unchanged (`tls_status` `none`).",
    responses=error_responses(
        Unauthorized, Forbidden, NotFound, DomainNotVerified, *PROVIDER_ERRORS
    ),
)
async def sync_tls(
    account_id: DocumentId, domain_id: DocumentId, caller: QueueManager, cloudflare: Cloudflare
) -> CustomDomain:
    return await service.sync_tls(cloudflare, account_id, domain_id)


@router.delete(
    "/custom-hostnames/{hostname_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a deleted domain's custom hostname (services only)",
    responses=error_responses(Unauthorized, Forbidden, *PROVIDER_ERRORS),
)
async def release(hostname_id: HostnameId, caller: QueueManager, cloudflare: Cloudflare) -> None:
    await service.release(cloudflare, hostname_id)
