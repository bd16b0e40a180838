"""/v1/domains: custom domains for the account's sites and funnels.

A domain added is `pending`: publish its `verification_token` as a TXT record at its
`record_name` (`_platform-verify.<hostname>`), point the hostname at the platform (a CNAME),
then ask for the check (`POST /v1/domains/{id}/verification`) or let the validation cron find
it (QM_LIGHTNING_DOMAIN_VALIDATION, every few minutes for DOMAINS_VALIDATION_DAYS). Verified,
it is the account's alone, its pages are served on it, and its TLS certificate is provisioned
(`tls_status`, through Cloudflare where configured).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.dependencies import Settings
from internal_api.domains import service
from internal_api.domains.auth import DomainsAdmin, DomainsRead
from internal_api.domains.repository import DomainRepository
from internal_api.domains.schemas import DomainCreate, DomainRead, DomainUpdate
from shared.domain.domains.errors import (
    DomainAlreadyVerified,
    DomainExists,
    DomainNotProven,
    DomainTaken,
    DomainTargetMismatch,
)
from shared.domain.domains.verification import resolver_for
from shared.domain.funnels.errors import FunnelNotFound
from shared.models.custom_domain import CustomDomain
from shared.utilities.dns import DnsUnavailable, TxtResolver
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/domains", tags=["custom domains"])

DomainPaging = Annotated[PageParams, Depends(sorted_by(DomainRepository.sortable))]


def get_resolver(settings: Settings) -> TxtResolver:
    return resolver_for(settings)


Resolver = Annotated[TxtResolver, Depends(get_resolver)]


@router.post(
    "",
    status_code=201,
    response_model=DomainRead,
    summary="Add a custom domain, pending until its TXT record proves it",
    responses=error_responses(
        *SIGNED_IN, DomainTaken, DomainExists, FunnelNotFound, DomainTargetMismatch
    ),
)
async def add_domain(body: DomainCreate, principal: DomainsAdmin) -> CustomDomain:
    return await service.add_domain(principal, body)


@router.get(
    "",
    response_model=Page[DomainRead],
    summary="The account's custom domains",
    responses=error_responses(*SIGNED_IN),
)
async def list_domains(principal: DomainsRead, paging: DomainPaging) -> Page[CustomDomain]:
    return await service.list_domains(principal, paging)


@router.get(
    "/{domain_id}",
    response_model=DomainRead,
    summary="One custom domain",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_domain(domain_id: str, principal: DomainsRead) -> CustomDomain:
    return await service.read_domain(principal, domain_id)


@router.patch(
    "/{domain_id}",
    response_model=DomainRead,
    summary="Point the domain at another site or funnel",
    responses=error_responses(*SIGNED_IN, NotFound, DomainTargetMismatch),
)
async def point_domain(domain_id: str, body: DomainUpdate, principal: DomainsAdmin) -> CustomDomain:
    return await service.point_domain(principal, domain_id, body)


@router.post(
    "/{domain_id}/verification",
    response_model=DomainRead,
    summary="Check the domain's TXT record now",
    description="Verified, the domain is the account's alone and its certificate is asked for; "
    "409 `domain_not_proven` (nothing changed) while DNS does not show the token.",
    responses=error_responses(
        *SIGNED_IN, NotFound, DomainNotProven, DomainTaken, DomainAlreadyVerified, DnsUnavailable
    ),
)
async def verify_domain(
    domain_id: str, principal: DomainsAdmin, resolver: Resolver
) -> CustomDomain:
    return await service.verify_domain(principal, domain_id, resolver)


@router.delete(
    "/{domain_id}",
    status_code=204,
    summary="Remove the domain (its pages are no longer served on it)",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def remove_domain(domain_id: str, principal: DomainsAdmin) -> Response:
    await service.remove_domain(principal, domain_id)
    return Response(status_code=204)
