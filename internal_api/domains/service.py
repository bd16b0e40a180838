"""An account's custom domains: added pending with a token to publish, checked by DNS (now, on
the account's request, or by the validation cron: `shared.domain.domains.verification`),
pointed at another site or funnel, removed (its Cloudflare hostname released with it).

The target is one of the account's hosted funnels or sites (a `Funnel` of that kind), whose
public pages are served on the domain by Host (`shared.domain.domains.routing.verified_target`,
read by the funnels' public routes)."""

import secrets

from pymongo.errors import DuplicateKeyError

from internal_api.domains.repository import DomainRepository
from internal_api.domains.schemas import DomainCreate, DomainUpdate
from shared.domain.domains import repository as domains
from shared.domain.domains.errors import DomainExists, DomainTaken, DomainTargetMismatch
from shared.domain.domains.verification import verify_now
from shared.domain.funnels.repository import FunnelRepository
from shared.models.custom_domain import CustomDomain, DomainTarget
from shared.utilities.auth import Principal
from shared.utilities.dns import TxtResolver
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import LIGHTNING_DOMAIN_VALIDATION_RELEASE_TLS


async def check_target(principal: Principal, kind: DomainTarget, target_id: str) -> None:
    """The target is a funnel (or hosted site) of the account, of the kind named."""
    funnel = await FunnelRepository(principal.account_id).ready(target_id)
    if funnel.kind.value != kind.value:
        raise DomainTargetMismatch(details=[{"field": "target_type", "message": funnel.kind.value}])


async def add_domain(principal: Principal, body: DomainCreate) -> CustomDomain:
    """Pending, blocking nobody, unless another account already proved the hostname."""
    await check_target(principal, body.target_type, body.target_id)
    taken = await domains.verified(body.hostname) or await domains.dashboard_domain_taken(
        body.hostname
    )
    if taken:
        raise DomainTaken()
    try:
        return await DomainRepository(principal.account_id).create(
            **body.model_dump(), verification_token=secrets.token_urlsafe(24)
        )
    except DuplicateKeyError:
        raise DomainExists() from None


async def list_domains(principal: Principal, params: PageParams) -> Page[CustomDomain]:
    return await DomainRepository(principal.account_id).paginate(params)


async def read_domain(principal: Principal, domain_id: str) -> CustomDomain:
    return await DomainRepository(principal.account_id).get(domain_id)


async def point_domain(principal: Principal, domain_id: str, body: DomainUpdate) -> CustomDomain:
    domain = await read_domain(principal, domain_id)
    await check_target(principal, body.target_type, body.target_id)
    domain.target_type, domain.target_id = body.target_type, body.target_id
    await domain.save_changes()
    return domain


async def verify_domain(
    principal: Principal, domain_id: str, resolver: TxtResolver
) -> CustomDomain:
    return await verify_now(await read_domain(principal, domain_id), resolver)


async def remove_domain(principal: Principal, domain_id: str) -> None:
    domain = await read_domain(principal, domain_id)
    await domain.delete()
    if domain.cloudflare_hostname_id:
        enqueue_job(
            LIGHTNING_DOMAIN_VALIDATION_RELEASE_TLS, hostname_id=domain.cloudflare_hostname_id
        )
