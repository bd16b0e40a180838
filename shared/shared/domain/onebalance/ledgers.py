"""The names of the ledgers a movement's entries are on. A wallet's is `wallet:<id>` (what the
platform owes its account, in credit); the others are where that credit came from or went."""

from beanie import PydanticObjectId

PLATFORM_USAGE = "platform:usage"  # the rate card's share of every usage charge


def agency_markup(agency_id: PydanticObjectId) -> str:
    """The agency's share of its accounts' usage: the markup it set."""
    return f"agency:{agency_id}:markup"


def agency_credits(agency_id: PydanticObjectId) -> str:
    """Credit the agency gave its sub-accounts (billed to them its own way)."""
    return f"agency:{agency_id}:credits"


def card_payments(provider: str) -> str:
    """Money received by card through the payments provider (`stripe`, `test`)."""
    return f"payments:{provider}"
