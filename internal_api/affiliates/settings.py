"""The affiliates' settings read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class AffiliatesApiSettings(ServiceSettings):
    affiliates_platform_account_id: str = Field(
        "",
        pattern=r"^([0-9a-f]{24})?$",
        description="the platform's own account: its programme is the platform's, to which "
        "agencies signing up (without a signup code) are attributed; empty: none",
    )
    affiliate_referral_url: str = Field(
        "http://localhost:5000/v1/affiliates/public/r/",
        pattern=r"^https?://[^/?#]+/([^?#]*/)?$",
        description="the referral redirect (ending in /), an affiliate's code appended: where "
        "referral short links lead",
    )
    affiliate_cookie_days: int = Field(
        90, gt=0, le=400, description="how long the referral redirect's visitor cookie lasts"
    )
