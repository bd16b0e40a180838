"""Payloads of the events clients send to the general socket."""

from typing import Annotated

from pydantic import AfterValidator, EmailStr, Field

from shared.models.conversation_message import MAX_BODY_LENGTH, MAX_CLIENT_ID_LENGTH
from shared.utilities.schemas import WriteModel

ObjectId = Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]


def not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("a message needs some text")
    return text


class Payload(WriteModel):
    """An event's payload, held to the request bodies' rules: unknown fields refused, every
    value storable."""


class NoPayload(Payload):
    pass


class AccountRef(Payload):
    account_id: ObjectId


class NotificationRef(Payload):
    notification_id: ObjectId


class VisitorMessage(Payload):
    body: Annotated[str, Field(max_length=MAX_BODY_LENGTH), AfterValidator(not_blank)]
    # The widget's own id for the message: a resend with it is stored once.
    client_id: Annotated[str, Field(min_length=1, max_length=MAX_CLIENT_ID_LENGTH)] | None = None


class VisitorIdentity(Payload):
    # Stored and compared lower-cased, as the CRM does.
    email: Annotated[EmailStr, AfterValidator(str.lower)]
    name: Annotated[str, Field(max_length=200)] = ""
