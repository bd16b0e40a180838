"""/v1/affiliates: the account's partner programme, its affiliates, commissions, leaderboard
and payouts."""

from typing import Annotated

from fastapi import APIRouter, Query

from internal_api.affiliates import service
from internal_api.affiliates.auth import AffiliatesAdmin, AffiliatesRead
from internal_api.affiliates.errors import (
    AffiliateExists,
    NoProgramme,
    PayoutNotPayable,
    TipaltiUnavailable,
)
from internal_api.affiliates.schemas import (
    AffiliateCreate,
    AffiliateRead,
    AffiliateUpdate,
    CommissionRead,
    LeaderRead,
    OnboardingRead,
    PayoutRead,
    ProgrammeRead,
    ProgrammeWrite,
)
from internal_api.dependencies import Settings
from internal_api.reviews.errors import ProviderNotConnected, ProviderReconnectNeeded
from internal_api.reviews.siblings import Siblings
from internal_api.url_shortener.routes import Shortening
from shared.models.affiliate import Affiliate
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout
from shared.models.affiliate_programme import AffiliateProgramme
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/affiliates", tags=["affiliates"])
ObjectId = Annotated[str | None, Query(pattern=r"^[0-9a-f]{24}$")]


@router.get(
    "/programme",
    response_model=ProgrammeRead,
    summary="The account's partner programme",
    responses=error_responses(*SIGNED_IN, NoProgramme),
)
async def read_programme(principal: AffiliatesRead) -> AffiliateProgramme:
    return await service.programme(principal)


@router.put(
    "/programme",
    response_model=ProgrammeRead,
    summary="Set up or change the account's partner programme",
    description="Attribution by the first or last referral visit inside `window_days`; a "
    "referred account's paid invoices earn a percentage (basis points) or a fixed amount for "
    "`recurring_months`, reversed on refund; balances of `min_payout` or more are paid out "
    "by the queue manager (Tipalti) or marked paid by hand (manual).",
    responses=error_responses(*SIGNED_IN),
)
async def write_programme(body: ProgrammeWrite, principal: AffiliatesAdmin) -> AffiliateProgramme:
    return await service.write_programme(principal, body)


@router.post(
    "",
    status_code=201,
    response_model=AffiliateRead,
    summary="Invite an affiliate: made active with a referral link, and emailed it",
    responses=error_responses(*SIGNED_IN, NoProgramme, AffiliateExists),
)
async def invite(
    body: AffiliateCreate, principal: AffiliatesAdmin, shortener: Shortening, settings: Settings
) -> Affiliate:
    return await service.invite(principal, body, shortener, settings.affiliate_referral_url)


@router.get(
    "",
    response_model=Page[AffiliateRead],
    summary="The programme's affiliates",
    responses=error_responses(*SIGNED_IN),
)
async def list_affiliates(principal: AffiliatesRead, params: Paging) -> Page[Affiliate]:
    return await service.list_affiliates(principal, params)


@router.patch(
    "/{affiliate_id}",
    response_model=AffiliateRead,
    summary="Approve (active) or disable an affiliate",
    description="A disabled affiliate's visits attribute nothing more; what it earned is "
    "still paid.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def update_affiliate(
    affiliate_id: str, body: AffiliateUpdate, principal: AffiliatesAdmin
) -> Affiliate:
    return await service.set_status(principal, affiliate_id, body.status)


@router.post(
    "/{affiliate_id}/tipalti-onboarding",
    response_model=OnboardingRead,
    summary="Make the affiliate a Tipalti payee and answer its signed onboarding link",
    responses=error_responses(
        *SIGNED_IN, NotFound, ProviderNotConnected, ProviderReconnectNeeded, TipaltiUnavailable
    ),
)
async def tipalti_onboarding(
    affiliate_id: str, principal: AffiliatesAdmin, siblings: Siblings
) -> OnboardingRead:
    url = await service.tipalti_onboarding(principal, affiliate_id, siblings)
    return OnboardingRead(onboarding_url=url)


@router.get(
    "/ledger/commissions",
    response_model=Page[CommissionRead],
    summary="The commission ledger: accruals and reversals, each naming its invoice",
    responses=error_responses(*SIGNED_IN),
)
async def list_commissions(
    principal: AffiliatesRead,
    params: Paging,
    affiliate_id: ObjectId = None,
    invoice_id: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[AffiliateCommission]:
    return await service.list_commissions(principal, params, affiliate_id, invoice_id)


@router.get(
    "/ledger/leaderboard",
    response_model=list[LeaderRead],
    summary="Affiliates by net commission earned, with their referrals",
    responses=error_responses(*SIGNED_IN),
)
async def leaderboard(
    principal: AffiliatesRead, limit: Annotated[int, Query(ge=1, le=100)] = 25
) -> list[dict]:
    return await service.leaderboard(principal, limit)


@router.get(
    "/ledger/payouts",
    response_model=Page[PayoutRead],
    summary="The programme's payouts",
    responses=error_responses(*SIGNED_IN),
)
async def list_payouts(principal: AffiliatesRead, params: Paging) -> Page[AffiliatePayout]:
    return await service.list_payouts(principal, params)


@router.post(
    "/ledger/payouts/{payout_id}/paid",
    response_model=PayoutRead,
    summary="Mark a manual payout paid",
    responses=error_responses(*SIGNED_IN, NotFound, PayoutNotPayable),
)
async def mark_paid(payout_id: str, principal: AffiliatesAdmin) -> AffiliatePayout:
    return await service.mark_payout_paid(principal, payout_id)
