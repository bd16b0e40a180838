"""A CRM contact: a person or a business of an account.

Custom field values use the attribute pattern, `custom_values: [{field, value}]`, rather than a
`custom: {key: value}` sub-document with a wildcard index: one compound index
`(account_id, custom_values.field, custom_values.value)` then serves a filter on any field of
any account (queried with `$elemMatch`), it stays bounded however many fields accounts define,
and it behaves the same on mongomock, which has no wildcard indexes. Date values are stored as
ISO `YYYY-MM-DD` strings, which compare in date order.

Search uses `search_terms`, every prefix of every word of the name, emails, phones and company,
maintained on write (see `shared.utilities.contact_search`), rather than a `$text` index:
`$text` matches whole words only (typing "ad" would not find "Ada") and mongomock does not
support it, while `{"search_terms": {"$all": [...]}}` on `(account_id, search_terms)` works the
same on both.

Lists sort by display name across people and businesses through `sort_name` (the display name
lower-cased and without accents, written with the search terms), since MongoDB compares
strings byte by byte and a person's display name is two fields.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ContactType(StrEnum):
    PERSON = "person"
    BUSINESS = "business"


class Address(BaseModel):
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2


class CustomValue(BaseModel):
    field: str  # the key of the account's custom field definition
    value: Any


class Contact(TenantDocument):
    type: ContactType = ContactType.PERSON
    first_name: str | None = None  # people
    last_name: str | None = None  # people
    name: str | None = None  # businesses
    emails: list[str] = []  # lower-cased
    phones: list[str] = []  # E.164
    address: Address | None = None
    website: str | None = None
    source: str | None = None
    owner_id: PydanticObjectId | None = None
    follower_ids: list[PydanticObjectId] = []
    tags: list[str] = []
    # The contact's consent to marketing email: off once they unsubscribe (here, or in a
    # connected email-marketing list, whose unsubscribes come back by webhook).
    email_opt_out: bool = False
    custom_values: list[CustomValue] = []
    business_id: PydanticObjectId | None = None  # a person's business, in the same account
    company_name: str | None = None  # the business's name, copied for search and lists
    search_terms: list[str] = []
    sort_name: str = ""
    deleted_at: datetime | None = None
    merged_into: PydanticObjectId | None = None

    @property
    def display_name(self) -> str:
        if self.type is ContactType.BUSINESS:
            return self.name or ""
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def custom(self) -> dict[str, Any]:
        """The custom values by field key."""
        return {value.field: value.value for value in self.custom_values}

    class Settings:
        name = "contacts"
        use_state_management = True
        indexes = [
            # The list, live or deleted, in each order it may be sorted by.
            *(
                IndexModel([("account_id", ASCENDING), ("deleted_at", ASCENDING), (field, order)])
                for field, order in (
                    ("created_at", DESCENDING),
                    ("updated_at", DESCENDING),
                    ("sort_name", ASCENDING),
                    ("first_name", ASCENDING),
                    ("last_name", ASCENDING),
                    ("name", ASCENDING),
                )
            ),
            # Unique per account among live contacts: enforced by the service, because a unique
            # index cannot skip soft-deleted contacts without a partial filter.
            IndexModel([("account_id", ASCENDING), ("emails", ASCENDING)]),
            # Inbound SMS, calls and leads find their contact by phone.
            IndexModel([("account_id", ASCENDING), ("phones", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("tags", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("owner_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("follower_ids", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("business_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("search_terms", ASCENDING)]),
            # Every contact, live or deleted, by when made (exports, imports' matching).
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("custom_values.field", ASCENDING),
                    ("custom_values.value", ASCENDING),
                ]
            ),
        ]
