"""Checking that the users a conversation is opened with belong to the account."""

from beanie import PydanticObjectId

from shared.models.membership import Membership
from shared.utilities.errors import InvalidInput
from shared.utilities.repository import TenantRepository, object_id


async def require_members(account_id: str, user_ids: list[str], field: str) -> None:
    """InvalidInput naming every id that is not a user of the account."""
    ids = [object_id(user_id) for user_id in user_ids]
    known = {
        str(membership.user_id)
        for membership in await TenantRepository(Membership, account_id).list(
            {"user_id": {"$in": [oid for oid in ids if oid]}}, limit=len(ids)
        )
    }
    strangers = [user_id for user_id in user_ids if user_id not in known]
    if strangers:
        raise InvalidInput(
            f"Not users of this account: {', '.join(strangers)}.",
            details=[
                {"field": field, "message": f"{user_id} is not a user of this account"}
                for user_id in strangers
            ],
        )


def as_object_ids(user_ids: list[str]) -> list[PydanticObjectId]:
    return [PydanticObjectId(user_id) for user_id in user_ids]
