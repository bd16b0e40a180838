from datetime import datetime
from typing import Annotated, Any

from beanie import PydanticObjectId
from pydantic import BaseModel, Field, HttpUrl

from internal_api.crm.tags.schemas import TagName
from internal_api.fields import Email, Name
from shared.models.contact import Address, Contact, ContactType
from shared.models.filter import FilterCondition

Text = Annotated[str, Field(min_length=1, max_length=200)]
Phone = Annotated[str, Field(min_length=3, max_length=40, examples=["+14155550100"])]
Id = Annotated[str, Field(examples=["665f1c2b9d1e4a0012345678"])]


class AddressWrite(BaseModel):
    street: Text | None = None
    city: Text | None = None
    region: Text | None = None
    postal_code: Annotated[str, Field(max_length=20)] | None = None
    country: Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", examples=["US"])] | None = None


class ContactCreate(BaseModel):
    """A person needs a first or a last name, a business a name. Phones without a country
    code are read as numbers of the address's country, else of the platform's default."""

    type: ContactType = ContactType.PERSON
    first_name: Name | None = None
    last_name: Name | None = None
    name: Name | None = None
    emails: Annotated[list[Email], Field(max_length=20)] = []
    phones: Annotated[list[Phone], Field(max_length=20)] = []
    address: AddressWrite | None = None
    website: HttpUrl | None = None
    source: Text | None = None
    owner_id: Id | None = None
    follower_ids: Annotated[list[Id], Field(max_length=50)] = []
    tags: Annotated[list[TagName], Field(max_length=50)] = []
    custom: dict[str, Any] = Field({}, examples=[{"plan": "gold"}])
    business_id: Id | None = None


class ContactUpdate(BaseModel):
    """Only the fields sent change; null clears one. `custom` changes only the keys sent
    (null removes a value); lists are replaced whole."""

    type: ContactType | None = None
    first_name: Name | None = None
    last_name: Name | None = None
    name: Name | None = None
    emails: Annotated[list[Email], Field(max_length=20)] | None = None
    phones: Annotated[list[Phone], Field(max_length=20)] | None = None
    address: AddressWrite | None = None
    website: HttpUrl | None = None
    source: Text | None = None
    owner_id: Id | None = None
    follower_ids: Annotated[list[Id], Field(max_length=50)] | None = None
    tags: Annotated[list[TagName], Field(max_length=50)] | None = None
    custom: dict[str, Any] | None = None
    business_id: Id | None = None


class ContactRead(BaseModel):
    id: str
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
    owner_id: str | None
    follower_ids: list[str]
    tags: list[str]
    custom: dict[str, Any]
    business_id: str | None
    company_name: str | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    merged_into: str | None

    @classmethod
    def of(cls, contact: Contact) -> "ContactRead":
        stored_only = {"id", "account_id", "search_terms", "custom_values"}
        ids = {"owner_id", "business_id", "merged_into", "follower_ids"}
        return cls(
            **contact.model_dump(exclude=stored_only | ids),
            id=str(contact.id),
            owner_id=id_or_none(contact.owner_id),
            business_id=id_or_none(contact.business_id),
            merged_into=id_or_none(contact.merged_into),
            display_name=contact.display_name,
            follower_ids=[str(follower) for follower in contact.follower_ids],
            custom={value.field: value.value for value in contact.custom_values},
        )


def id_or_none(value: PydanticObjectId | None) -> str | None:
    return str(value) if value else None


class ContactSearch(BaseModel):
    """A list query in a body, for filters too long for a URL: the same conditions as
    `?filter=`, spelled as JSON."""

    q: Annotated[str, Field(max_length=200)] | None = None
    conditions: Annotated[list[FilterCondition], Field(max_length=50)] = []
    deleted: bool = False


Ids = Annotated[list[Id], Field(min_length=1, max_length=100)]


class ContactIds(BaseModel):
    ids: Ids


class ContactTagging(BaseModel):
    ids: Ids
    tags: Annotated[list[TagName], Field(min_length=1, max_length=50)]


class BulkResult(BaseModel):
    count: int  # contacts changed


class MergeRequest(BaseModel):
    contact_id: Id = Field(description="the contact merged into this one, then deleted")
