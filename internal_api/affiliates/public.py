"""The programme's public side: its sign-up page for would-be affiliates, and the referral
redirect its short links lead to, which records the visit under the browser's visitor id
(the attribution cookie) and sends the visitor on to the programme's landing page with it,
for sign-up to carry."""

import secrets
from urllib.parse import urlencode, urlsplit, urlunsplit

from internal_api.affiliates.errors import ProgrammeNotFound
from internal_api.affiliates.repository import affiliate_by_code, programme_by_token
from internal_api.affiliates.service import new_affiliate
from internal_api.url_shortener.service import Shortener
from shared.domain.affiliates.attribution import record_visit
from shared.domain.affiliates.repository import programme_of
from shared.models.affiliate import Affiliate, AffiliateStatus
from shared.models.affiliate_programme import AffiliateProgramme

VISITOR_PARAMETER = "referral_visitor"


async def public_programme(token: str) -> AffiliateProgramme:
    found = await programme_by_token(token)
    if found is None:
        raise ProgrammeNotFound()
    return found


async def sign_up(
    token: str, name: str, email: str, shortener: Shortener, referral_url: str
) -> Affiliate:
    found = await public_programme(token)
    status = AffiliateStatus.PENDING if found.approve_signups else AffiliateStatus.ACTIVE
    # The link's maker is the programme's account: nobody of it made this one.
    return await new_affiliate(
        found, name, email, status, shortener, referral_url, str(found.account_id)
    )


def valid_visitor(visitor: str | None) -> str:
    """The browser's visitor id, or a new random one (an id is never taken from a stranger:
    anything not shaped like ours is replaced)."""
    if visitor and len(visitor) == 22 and visitor.replace("-", "").replace("_", "").isalnum():
        return visitor
    return secrets.token_urlsafe(16)


async def follow(code: str, visitor: str | None) -> tuple[str, str]:
    """Where the referral link sends the visitor, and their visitor id."""
    affiliate = await affiliate_by_code(code)
    found = await programme_of(affiliate.account_id) if affiliate else None
    if affiliate is None or found is None or not found.active:
        raise ProgrammeNotFound()
    visitor = valid_visitor(visitor)
    if affiliate.status is AffiliateStatus.ACTIVE:
        await record_visit(affiliate, visitor)
    return with_visitor(found.landing_url, visitor), visitor


def with_visitor(url: str, visitor: str) -> str:
    parts = urlsplit(url)
    query = "&".join(
        part for part in (parts.query, urlencode({VISITOR_PARAMETER: visitor})) if part
    )
    return urlunsplit(parts._replace(query=query))
