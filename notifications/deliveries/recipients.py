"""Who a notification goes to, and at which address: resolved here, never taken from a user.

A user sends to the account's own users (`user_id`: a user of the account, as
`shared.domain.accounts.users` defines them) and contacts (`contact_id`), at the address the
platform holds for them; another account's ids answer 404 like missing ones. A free-form
address (`to`) is for the platform's services (an invitation goes to someone who is no user
yet). SMS go to the countries of NOTIFICATIONS_SMS_ALLOWED_COUNTRIES only, whoever sends.

A push to a user goes to each device they registered (`/v1/mobile-app/devices`), as they are
when it is asked for; a user may have none (the send is then suppressed, not refused: an
account's members are told of a new lead whether or not they have the app).
"""

from dataclasses import dataclass

import phonenumbers
from beanie import PydanticObjectId

from notifications.deliveries.errors import (
    AddressForServices,
    ContactNotFound,
    CountryNotAllowed,
    NoAddress,
    OneRecipient,
)
from notifications.deliveries.repository import PushDevices, RecipientRepository
from notifications.deliveries.schemas import DeliveryCreate
from shared.domain.accounts.users import NotAccountUsers, require_users
from shared.models.contact import Contact
from shared.models.notification_delivery import DevicePush
from shared.models.notification_template import Channel
from shared.utilities.auth import Principal, TokenKind


@dataclass(frozen=True)
class Recipient:
    to: str
    user_id: str | None = None  # whose preferences apply
    contact_id: str | None = None
    named_by: str = "to"  # the field the address comes from, for errors
    devices: tuple[DevicePush, ...] | None = None  # a push to a user: their devices

    @property
    def has_no_device(self) -> bool:
        """A push to a user who has registered no device: there is nowhere to send it."""
        return self.devices is not None and not self.devices


async def recipient_of(
    principal: Principal,
    account_id: PydanticObjectId,
    channel: Channel,
    body: DeliveryCreate,
    sms_countries: list[str],
) -> Recipient:
    check_named_once(principal, body)
    recipients = RecipientRepository(account_id)
    user_id = await account_user(account_id, body.user_id)
    if body.to:
        recipient = Recipient(body.to, user_id=body.user_id)
    elif user_id:
        recipient = await user_recipient(recipients, channel, user_id)
    else:
        recipient = await contact_recipient(recipients, channel, str(body.contact_id))
    if channel is Channel.SMS:
        check_country(recipient, sms_countries)
    return recipient


def check_named_once(principal: Principal, body: DeliveryCreate) -> None:
    if body.to and principal.kind is not TokenKind.SERVICE:
        raise AddressForServices()
    # A service may give an address and the user it belongs to (whose preferences apply).
    named = [field for field in ("user_id", "contact_id") if getattr(body, field)]
    if body.to and body.contact_id:
        named = ["to", "contact_id"]
    if len(named) > 1 or not (named or body.to):
        raise OneRecipient(named)


async def account_user(
    account_id: PydanticObjectId, user_id: str | None
) -> PydanticObjectId | None:
    """The user's id, once they are a user of the account (NotAccountUsers, a 404, if not)."""
    if not user_id:
        return None
    (checked,) = await require_users(account_id, [user_id], field="user_id")
    return checked


async def user_recipient(
    recipients: RecipientRepository, channel: Channel, user_id: PydanticObjectId
) -> Recipient:
    if channel is Channel.PUSH:
        return await devices_of(user_id)
    if channel is not Channel.EMAIL:
        # Besides their devices, what the platform knows of its users is their email address.
        raise NoAddress(f"Users have no {channel} address on the platform yet.", "user_id")
    user = await recipients.user(user_id)
    if user is None:
        raise NotAccountUsers(f"Not users of this account: {user_id}.")
    return Recipient(user.email, user_id=str(user_id), named_by="user_id")


async def devices_of(user_id: PydanticObjectId) -> Recipient:
    devices = tuple(
        DevicePush(device_id=device.id, kind=device.kind, token=device.token, name=device.name)
        for device in await PushDevices.of_user(user_id)
    )
    return Recipient("", user_id=str(user_id), named_by="user_id", devices=devices)


async def contact_recipient(
    recipients: RecipientRepository, channel: Channel, contact_id: str
) -> Recipient:
    contact = await recipients.contact(contact_id)
    if contact is None:
        raise ContactNotFound(f"Contact {contact_id} does not exist.")
    address = address_of(contact, channel)
    if address is None:
        raise NoAddress(f"This contact has no {ADDRESS_NAMES[channel]}.", "contact_id")
    return Recipient(address, contact_id=contact_id, named_by="contact_id")


ADDRESS_NAMES = {
    Channel.EMAIL: "email address",
    Channel.SMS: "phone number",
    Channel.PUSH: "device for push",
}


def address_of(contact: Contact, channel: Channel) -> str | None:
    """A contact's first email address or phone number; contacts have no devices."""
    addresses = {Channel.EMAIL: contact.emails, Channel.SMS: contact.phones}.get(channel, [])
    return addresses[0] if addresses else None


def check_country(recipient: Recipient, allowed: list[str]) -> None:
    country = country_of(recipient.to)
    if country not in allowed:
        raise CountryNotAllowed(country, allowed, recipient.named_by)


def country_of(phone: str) -> str:
    """The ISO 3166 country of an E.164 number; empty when it is no country's."""
    try:
        number = phonenumbers.parse(phone)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.region_code_for_number(number) or ""
