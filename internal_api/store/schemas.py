from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field, HttpUrl, StringConstraints

from shared.models.store_order import OrderStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, Field(max_length=2000)]
Price = Annotated[int, Field(ge=0, le=100_000_000, description="minor units of the currency")]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$")]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Key = Annotated[
    str,
    Field(
        min_length=8,
        max_length=100,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="the client's id for this request: sent again, it is done once",
    ),
]
Url = Annotated[HttpUrl, Field(max_length=2000)]


class ProductCreate(WriteModel):
    catalogue_item: str | None = Field(
        None, description="resell this platform item (its name, text and tags unless given)"
    )
    name: Name | None = None
    description: Text | None = None
    image_url: Url | None = None
    price: Price
    currency: Currency = "USD"
    tags: list[Tag] | None = Field(None, max_length=20)
    fulfilment_days: Annotated[int, Field(ge=0, le=365)] | None = None


class ProductUpdate(WriteModel):
    name: Name | None = None
    description: Text | None = None
    image_url: Url | None = None
    price: Price | None = None
    tags: list[Tag] | None = Field(None, max_length=20)
    fulfilment_days: Annotated[int, Field(ge=0, le=365)] | None = None
    active: bool | None = None


class ProductRead(DocumentRead):
    name: str
    description: str
    image_url: str | None
    catalogue_item: str | None
    price: int
    currency: str
    tags: list[str]
    fulfilment_days: int
    active: bool


class CatalogueItemRead(ReadModel):
    key: str
    name: str
    description: str
    tags: list[str]
    fulfilment_days: int


class OrderCreate(WriteModel):
    product_id: str
    key: Key


class FulfilmentUpdate(WriteModel):
    status: OrderStatus | None = None
    assignee_id: str | None = None
    due_at: datetime | None = None


class RefundCreate(WriteModel):
    amount: Annotated[int, Field(gt=0, le=100_000_000)] | None = Field(
        None, description="minor units; none: what is left of the payment"
    )
    reason: Annotated[str, Field(max_length=500)] = ""
    key: Key


class RefundRead(ReadModel):
    key: str
    reference: str
    amount: int
    reason: str
    refunded_at: datetime


class OrderRead(DocumentRead):
    account_id: IdStr
    product_id: IdStr
    product_name: str
    amount: int
    currency: str
    status: OrderStatus
    payment_reference: str | None
    failure: str | None
    paid_at: datetime | None
    assignee_id: IdStr | None
    due_at: datetime | None
    project_id: IdStr | None
    delivered_at: datetime | None
    refunds: list[RefundRead]
    amount_refunded: int


class OfferCreate(WriteModel):
    name: Name
    description: Text = ""
    amount: Annotated[int, Field(gt=0, le=100_000_000)]
    currency: Currency = "USD"
    pipeline_id: str
    stage_id: str
    success_url: Url
    cancel_url: Url


class OfferRead(DocumentRead):
    name: str
    description: str
    amount: int
    currency: str
    token: str
    pipeline_id: IdStr
    stage_id: IdStr
    success_url: str
    cancel_url: str
    active: bool


class CheckoutCreate(WriteModel):
    email: EmailStr
    name: Annotated[str, Field(max_length=120)] = ""
    # A hosted funnel's checkout step the buyer came from: its purchases are counted there.
    funnel_id: IdStr | None = None
    step_id: IdStr | None = None


class CheckoutRead(ReadModel):
    purchase_id: str
    url: str = Field(description="where to send the buyer to pay")
