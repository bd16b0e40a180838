"""The queries the OneBalance routes add to the domain's: the names of an agency's accounts
for its report."""

from beanie import PydanticObjectId

from shared.models.account import Account


async def account_names(agency_id: PydanticObjectId) -> dict[str, str]:
    """The agency's own name and each of its sub-accounts', by id."""
    accounts = Account.find({"$or": [{"_id": agency_id}, {"parent_id": agency_id}]})
    return {str(account.id): account.name async for account in accounts}
