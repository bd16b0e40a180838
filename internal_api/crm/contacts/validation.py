"""Checks a contact must pass before it is stored, beyond what its schema checks: they need
the account (its members, contacts and custom fields) or the contact as a whole."""

from collections.abc import Iterable

import phonenumbers
from beanie import PydanticObjectId

from shared.models.contact import Contact, ContactType
from shared.models.membership import Membership
from shared.utilities.errors import Conflict, InvalidInput, NotFound
from shared.utilities.repository import TenantRepository, object_id


def e164_phones(phones: Iterable[str], region: str) -> list[str]:
    """Each phone in E.164, once; a number without a country code is read as one of
    `region`. 422 naming every number that is not a valid one."""
    normalised, errors = [], []
    for index, phone in enumerate(phones):
        try:
            number = phonenumbers.parse(phone, region.upper())
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            errors.append({"field": f"body.phones.{index}", "message": f"{phone!r} is not valid"})
            continue
        normalised.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    if errors:
        raise InvalidInput("Some phone numbers are not valid.", details=errors)
    return list(dict.fromkeys(normalised))


async def member_ids(
    account_id: PydanticObjectId, user_ids: Iterable[str], field: str
) -> list[PydanticObjectId]:
    """The ids of users who are members of the account; 404 naming any who is not (another
    account's user answers exactly like a user who does not exist)."""
    wanted = list(dict.fromkeys(user_ids))
    oids = [oid for oid in map(object_id, wanted) if oid]
    members = await TenantRepository(Membership, account_id).list(
        {"user_id": {"$in": oids}}, limit=0
    )
    found = {str(member.user_id) for member in members}
    missing = [user_id for user_id in wanted if user_id not in found]
    if missing:
        raise NotFound(
            f"Not members of this account: {', '.join(missing)}.",
            details=[{"field": field, "id": user_id} for user_id in missing],
        )
    return [PydanticObjectId(user_id) for user_id in wanted]


async def linkable_business(contacts: TenantRepository[Contact], business_id: str) -> Contact:
    """The business a person may be linked to: one the caller sees in the same account."""
    business = await contacts.get(business_id)
    if business.type != ContactType.BUSINESS or business.deleted_at:
        raise InvalidInput(
            f"Contact {business_id} is not a live business.",
            details=[{"field": "body.business_id", "message": "not a live business"}],
        )
    return business


def check_shape(contact: Contact) -> None:
    """A person has a first or last name; a business has a name and no business of its own."""
    problems = []
    if contact.type == ContactType.PERSON and not (contact.first_name or contact.last_name):
        problems.append(("body.first_name", "a person needs a first or a last name"))
    if contact.type == ContactType.BUSINESS and not contact.name:
        problems.append(("body.name", "a business needs a name"))
    if contact.type == ContactType.BUSINESS and contact.business_id:
        problems.append(("body.business_id", "only a person links to a business"))
    if problems:
        raise InvalidInput(
            "; ".join(message for _, message in problems).capitalize() + ".",
            details=[{"field": field, "message": message} for field, message in problems],
        )


async def check_emails_free(contact: Contact) -> None:
    """An email belongs to one live contact of an account. Checked on every contact of the
    account, not only those the caller sees, and answered with the holder's id so the caller
    can open or merge it."""
    if not contact.emails:
        return
    holder = await TenantRepository(Contact, contact.account_id).list(
        {"emails": {"$in": contact.emails}, "deleted_at": None, "_id": {"$ne": contact.id}},
        limit=1,
    )
    if holder:
        taken = sorted(set(contact.emails) & set(holder[0].emails))
        raise Conflict(
            f"Contact {holder[0].id} already has {', '.join(taken)}.",
            details=[{"field": "body.emails", "contact_id": str(holder[0].id), "emails": taken}],
        )
