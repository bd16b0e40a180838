"""Authors and fields for the contact write path's tests."""

from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.writing import Author
from shared.models.account import Account
from tests.factories import SignedIn


def author_for(who: SignedIn, phone_region: str = "US", visibility: dict | None = None) -> Author:
    """The signed-in user writing the contacts of their account they see."""
    return Author(ContactRepository(who.account.id, visibility), who.user.id, phone_region)


def platform_of(account: Account, phone_region: str = "US") -> Author:
    return Author.platform(account.id, phone_region)
