"""What changing a deal may refuse, each case with its own code."""

from shared.utilities.errors import InvalidInput, NotFound


class LostReasonRequired(InvalidInput):
    """A lost deal says why it was lost."""

    code, message = "lost_reason_required", "A lost deal needs a reason."


class UnknownContacts(NotFound):
    """Some of the contacts named are not live contacts of the account (another account's
    answers exactly like a deleted or missing one)."""

    code = "unknown_contacts"
