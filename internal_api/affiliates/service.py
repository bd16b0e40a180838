"""An account's partner programme: set up, its affiliates invited or approved, their referral
short links, the ledger of commissions (each traceable to its invoice), the leaderboard, and
payouts marked paid by hand or onboarded to Tipalti."""

import secrets
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from internal_api.affiliates.errors import (
    AffiliateExists,
    NoProgramme,
    PayoutNotPayable,
    TipaltiUnavailable,
)
from internal_api.affiliates.repository import (
    AffiliateRepository,
    CommissionRepository,
    PayoutRepository,
    ProgrammeRepository,
    affiliates_named,
)
from internal_api.affiliates.schemas import AffiliateCreate, ProgrammeWrite
from internal_api.reviews.siblings import ReviewSiblings
from internal_api.url_shortener.platform_links import platform_link
from internal_api.url_shortener.service import Shortener
from shared.domain.affiliates.payouts import mark_paid
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.affiliate import Affiliate, AffiliateStatus
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout, PayoutStatus
from shared.models.affiliate_programme import AffiliateProgramme, PayoutMethod
from shared.models.short_link import UtmParameters
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams

CODE_BYTES = 6


async def programme(principal: Principal) -> AffiliateProgramme:
    found = await ProgrammeRepository(principal.account_id).find_one({})
    if found is None:
        raise NoProgramme()
    return found


async def write_programme(principal: Principal, body: ProgrammeWrite) -> AffiliateProgramme:
    fields = {**body.model_dump(), "landing_url": str(body.landing_url)}
    programmes = ProgrammeRepository(principal.account_id)
    found = await programmes.find_one({})
    if found is None:
        return await programmes.create(**fields, token=secrets.token_urlsafe(16))
    for name, value in fields.items():
        setattr(found, name, value)
    await found.save()
    return found


async def new_affiliate(
    programme: AffiliateProgramme,
    name: str,
    email: str,
    status: AffiliateStatus,
    shortener: Shortener,
    referral_url: str,
    created_by: str,
) -> Affiliate:
    """The affiliate with its referral code and short link (made once, by whoever invites or
    approves: a public sign-up has no user, so the programme's account is the link's maker)."""
    code = secrets.token_hex(CODE_BYTES)
    affiliates = AffiliateRepository(programme.account_id)
    try:
        affiliate = await affiliates.create(
            programme_id=programme.id, name=name, email=email.lower(), status=status, code=code
        )
    except DuplicateKeyError:
        raise AffiliateExists(
            details=[{"field": "email", "message": "already an affiliate"}]
        ) from None
    utm = UtmParameters(source="affiliate", medium="referral", campaign=code)
    link = await platform_link(
        shortener, programme.account_id, created_by, referral_url + code, f"Referral: {name}", utm
    )
    affiliate.short_link_id = link.id
    affiliate.short_url = shortener.short_url(link)
    await affiliate.save_changes()
    return affiliate


async def invite(
    principal: Principal, body: AffiliateCreate, shortener: Shortener, referral_url: str
) -> Affiliate:
    found = await programme(principal)
    affiliate = await new_affiliate(
        found, body.name, body.email, AffiliateStatus.ACTIVE, shortener, referral_url, principal.sub
    )
    data = {
        "affiliate_name": body.name,
        "programme_name": found.name,
        "referral_url": affiliate.short_url,
    }
    links = {"programme_url": dashboard_paths.partner_programme(found.token)}
    await tell(
        "affiliate_invitation",
        found.account_id,
        data,
        to=affiliate.email,
        links=links,
        key=str(affiliate.id),
    )
    return affiliate


async def list_affiliates(principal: Principal, params: PageParams) -> Page[Affiliate]:
    return await AffiliateRepository(principal.account_id).paginate(params)


async def set_status(principal: Principal, affiliate_id: str, status: AffiliateStatus) -> Affiliate:
    affiliate = await AffiliateRepository(principal.account_id).get(affiliate_id)
    affiliate.status = status
    await affiliate.save_changes()
    return affiliate


async def list_commissions(
    principal: Principal, params: PageParams, affiliate_id: str | None, invoice_id: str | None
) -> Page[AffiliateCommission]:
    filters: dict[str, Any] = {}
    if affiliate_id:
        filters["affiliate_id"] = PydanticObjectId(affiliate_id)
    if invoice_id:
        filters["invoice_id"] = invoice_id
    return await CommissionRepository(principal.account_id).paginate(params, filters)


async def leaderboard(principal: Principal, limit: int) -> list[dict[str, Any]]:
    """Affiliates by net commission earned (reversals taken off), with their referrals."""
    totals = (await CommissionRepository(principal.account_id).totals({}))[:limit]
    ids = [row["_id"]["affiliate"] for row in totals]
    names = {
        a.id: a.name for a in await affiliates_named(PydanticObjectId(principal.account_id), ids)
    }
    return [
        {
            "affiliate_id": str(row["_id"]["affiliate"]),
            "name": names.get(row["_id"]["affiliate"], ""),
            "referrals": len(row["referrals"]),
            "earned": row["earned"],
            "currency": row["_id"]["currency"],
        }
        for row in totals
    ]


async def list_payouts(principal: Principal, params: PageParams) -> Page[AffiliatePayout]:
    return await PayoutRepository(principal.account_id).paginate(params)


async def mark_payout_paid(principal: Principal, payout_id: str) -> AffiliatePayout:
    payout = await PayoutRepository(principal.account_id).get(payout_id)
    if payout.method != PayoutMethod.MANUAL or payout.status is not PayoutStatus.PENDING:
        raise PayoutNotPayable()
    return await mark_paid(payout, principal.sub)


async def tipalti_onboarding(
    principal: Principal, affiliate_id: str, siblings: ReviewSiblings
) -> str:
    """The affiliate made a payee of the account's Tipalti (once), and its signed onboarding
    link, for the affiliate to fill in their payment details."""
    affiliate = await AffiliateRepository(principal.account_id).get(affiliate_id)
    path = f"/v1/e/tipalti/accounts/{principal.account_id}/payees"
    body = {"ref_code": f"aff-{affiliate.id}", "name": affiliate.name, "email": affiliate.email}
    answer = await siblings.call(
        siblings.external_api, "POST", path, unavailable=TipaltiUnavailable, json=body
    )
    affiliate.tipalti_payee_id = answer["payee_id"]
    await affiliate.save_changes()
    return answer["onboarding_url"]
