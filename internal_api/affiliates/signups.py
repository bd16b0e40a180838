"""A sign-up's referral: the new account attributed to the programme it joins, by the visitor
id its browser carried from a referral link (`referral_visitor`). A sub-account made with an
agency's signup code joins the agency's programme; a new agency the platform's
(INTERNAL_API_AFFILIATES_PLATFORM_ACCOUNT_ID). A referral that attributes nothing (no
visitor, none inside the window, no programme) is no error: the sign-up stands."""

from beanie import PydanticObjectId

from shared.domain.affiliates.attribution import attribute_signup
from shared.models.account import Account


def programme_account(account: Account, platform_account_id: str) -> PydanticObjectId | None:
    if account.parent_id is not None:
        return account.parent_id
    return PydanticObjectId(platform_account_id) if platform_account_id else None


async def attribute(account: Account, visitor: str | None, platform_account_id: str) -> None:
    assert account.id is not None, "a stored account"
    await attribute_signup(programme_account(account, platform_account_id), account.id, visitor)
