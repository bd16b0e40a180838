"""Payloads of the events clients send to the general socket."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

ObjectId = Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NoPayload(Payload):
    pass


class AccountRef(Payload):
    account_id: ObjectId


class NotificationRef(Payload):
    notification_id: ObjectId


class VisitorMessage(Payload):
    body: Annotated[str, Field(min_length=1, max_length=5000)]
    # The widget's own id for the message: a resend with it is stored once.
    client_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None


class VisitorIdentity(Payload):
    email: EmailStr
    name: Annotated[str, Field(max_length=200)] = ""
