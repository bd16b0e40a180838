"""The refusals of the contact write path a client must tell apart, by stable code."""

from shared.utilities.errors import Conflict, InvalidInput


class ContactDeleted(Conflict):
    """The contact is deleted: restore it before changing it."""

    code = "contact_deleted"


class ContactMerged(Conflict):
    """The contact was merged into another: it cannot come back."""

    code = "contact_merged"


class EmailTaken(Conflict):
    """Another live contact of the account has one of the emails (its id is in the details)."""

    code = "email_taken"


class NotABusiness(InvalidInput):
    """A person is linked only to a live business."""

    code = "not_a_business"


class UnmergeableContacts(InvalidInput):
    """A contact cannot be merged into itself, nor a person into a business (or the reverse)."""

    code = "unmergeable_contacts"


class UnsearchableQuery(InvalidInput):
    """The search words hold no letter or digit, so they could match nothing (or everything)."""

    code = "unsearchable_query"


class Unreachable(InvalidInput):
    """A provider's caller has neither an email nor a phone number that can be read."""

    code = "unreachable"
