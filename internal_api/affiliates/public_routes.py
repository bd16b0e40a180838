"""/v1/affiliates/public: a programme's sign-up page for affiliates and the referral redirect
its short links lead to (no session; rate-limited per visitor address and per key)."""

from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Path
from fastapi.responses import RedirectResponse

from internal_api.affiliates import public
from internal_api.affiliates.errors import AffiliateExists, ProgrammeNotFound
from internal_api.affiliates.schemas import AffiliateSignup, PublicProgrammeRead
from internal_api.dependencies import Settings
from internal_api.public.limits import rate_limited
from internal_api.url_shortener.routes import Shortening
from shared.utilities.errors import RateLimited, error_responses

router = APIRouter(prefix="/v1/affiliates/public", tags=["affiliates"])
Token = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
Code = Annotated[str, Path(pattern=r"^[0-9a-f]{12}$")]
COOKIE = "referral_visitor"


@router.get(
    "/programmes/{token}",
    response_model=PublicProgrammeRead,
    summary="A programme's sign-up page (no session)",
    dependencies=[Depends(rate_limited("affiliate-page", key_from="token"))],
    responses=error_responses(ProgrammeNotFound, RateLimited),
)
async def read_programme(token: Token) -> PublicProgrammeRead:
    return PublicProgrammeRead(name=(await public.public_programme(token)).name)


@router.post(
    "/programmes/{token}/affiliates",
    status_code=202,
    summary="Sign up as an affiliate (no session)",
    description="Pending until the account approves it when the programme says so.",
    dependencies=[Depends(rate_limited("affiliate-signup", key_from="token"))],
    responses=error_responses(ProgrammeNotFound, AffiliateExists, RateLimited),
)
async def sign_up(
    token: Token, body: AffiliateSignup, shortener: Shortening, settings: Settings
) -> dict[str, str]:
    affiliate = await public.sign_up(
        token, body.name, body.email, shortener, settings.affiliate_referral_url
    )
    return {"status": affiliate.status.value}


@router.get(
    "/r/{code}",
    status_code=302,
    summary="An affiliate's referral: the visit recorded, the visitor sent on (no session)",
    description="Sets the `referral_visitor` cookie (kept `INTERNAL_API_AFFILIATE_COOKIE_DAYS`) "
    "and adds it to the landing page's query; sign-up sends it back as `referral_visitor`.",
    dependencies=[Depends(rate_limited("affiliate-referral", key_from="code"))],
    responses=error_responses(ProgrammeNotFound, RateLimited),
)
async def follow(
    code: Code,
    settings: Settings,
    referral_visitor: Annotated[str | None, Cookie(max_length=64)] = None,
) -> RedirectResponse:
    target, visitor = await public.follow(code, referral_visitor)
    response = RedirectResponse(target, status_code=302)
    response.set_cookie(
        COOKIE,
        visitor,
        max_age=settings.affiliate_cookie_days * 24 * 3600,
        httponly=True,
        secure=settings.affiliate_referral_url.startswith("https://"),
        samesite="lax",
    )
    return response
