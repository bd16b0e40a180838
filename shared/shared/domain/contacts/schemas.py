"""A contact as the platform shows it, in the contacts API's answers and in the `contact.*`
webhook events alike."""

from datetime import datetime
from typing import Any

from shared.models.contact import Address, ContactType
from shared.utilities.schemas import DocumentRead, IdStr


class ContactRead(DocumentRead):
    type: ContactType
    display_name: str
    first_name: str | None
    last_name: str | None
    name: str | None
    emails: list[str]
    phones: list[str]
    address: Address | None
    website: str | None
    source: str | None
    owner_id: IdStr | None
    follower_ids: list[IdStr]
    tags: list[str]
    email_opt_out: bool  # unsubscribed from marketing email
    custom: dict[str, Any]  # values by custom field key
    business_id: IdStr | None
    company_name: str | None  # the linked business's name
    deleted_at: datetime | None
    merged_into: IdStr | None
