"""Request bodies of the contacts API; a contact answers as `shared.domain.contacts.schemas.
ContactRead`, the shape webhook events carry too. The write path normalises what these let
through (`shared.domain.contacts.normalising`); they bound sizes and document the fields."""

from typing import Annotated, Any

from pydantic import Field, HttpUrl

from internal_api.crm.query import ConditionWrite
from internal_api.crm.tags.schemas import TagName
from internal_api.fields import Email, Name
from shared.models.contact import ContactType
from shared.utilities.schemas import ReadModel, WriteModel

Text = Annotated[str, Field(min_length=1, max_length=200)]
Phone = Annotated[str, Field(min_length=3, max_length=40, examples=["+14155550100"])]
Id = Annotated[str, Field(examples=["665f1c2b9d1e4a0012345678"])]
Emails = Annotated[list[Email], Field(max_length=20)]
Phones = Annotated[list[Phone], Field(max_length=20)]
FollowerIds = Annotated[list[Id], Field(max_length=50)]
Tags = Annotated[list[TagName], Field(max_length=50)]
Query = Annotated[str, Field(max_length=200)]


class AddressWrite(WriteModel):
    street: Text | None = None
    city: Text | None = None
    region: Text | None = None
    postal_code: Annotated[str, Field(max_length=20)] | None = None
    country: Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", examples=["US"])] | None = None


class ContactCreate(WriteModel):
    """A person needs a first or a last name, a business a name. Phones without a country
    code are read as numbers of the address's country, else of the account's phone region."""

    type: ContactType = ContactType.PERSON
    first_name: Name | None = None
    last_name: Name | None = None
    name: Name | None = None
    emails: Emails = []
    phones: Phones = []
    address: AddressWrite | None = None
    website: HttpUrl | None = None
    source: Text | None = None
    owner_id: Id | None = None
    follower_ids: FollowerIds = []
    tags: Tags = []
    email_opt_out: bool = False  # unsubscribed from marketing email
    custom: dict[str, Any] = Field({}, examples=[{"plan": "gold"}])
    business_id: Id | None = None


class ContactUpdate(WriteModel):
    """Only the fields sent change; null clears one. `custom` changes only the keys sent
    (null removes a value); lists are replaced whole."""

    type: ContactType | None = None
    first_name: Name | None = None
    last_name: Name | None = None
    name: Name | None = None
    emails: Emails | None = None
    phones: Phones | None = None
    address: AddressWrite | None = None
    website: HttpUrl | None = None
    source: Text | None = None
    owner_id: Id | None = None
    follower_ids: FollowerIds | None = None
    tags: Tags | None = None
    email_opt_out: bool | None = None
    custom: dict[str, Any] | None = None
    business_id: Id | None = None


class ContactSearch(WriteModel):
    """A list query in a body, for filters too long for a URL: the same conditions as
    `?filter=`, spelled as JSON."""

    q: Query | None = None
    conditions: Annotated[list[ConditionWrite], Field(max_length=50)] = []
    deleted: bool = False


Ids = Annotated[list[Id], Field(min_length=1, max_length=100)]


class ContactIds(WriteModel):
    ids: Ids


class ContactTagging(WriteModel):
    ids: Ids
    tags: Annotated[list[TagName], Field(min_length=1, max_length=50)]


class BulkResult(ReadModel):
    count: int  # contacts changed


class MergeRequest(WriteModel):
    contact_id: Id = Field(description="the contact merged into this one, then deleted")
