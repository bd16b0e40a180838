"""SMS from the account's Twilio numbers, numbers searched and bought, and Twilio's signed
callbacks handed to the queue manager (inbound SMS into conversations, delivery statuses, call
statuses: a completed call's minutes charged to the account's wallet)."""

from collections.abc import Mapping

from pymongo.errors import DuplicateKeyError

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.webhooks import BadSignature, BodyReader, receive
from external_api.integrations.twilio.client import TwilioClient
from external_api.integrations.twilio.repository import NumberRepository
from external_api.integrations.twilio.schemas import (
    AvailableNumber,
    NumberPurchase,
    SmsCreate,
    SmsRead,
)
from external_api.integrations.twilio.webhooks import TwilioWebhooks
from shared.models.twilio_key import TwilioKey
from shared.models.twilio_number import TwilioNumber
from shared.utilities.errors import Conflict, InvalidInput
from shared.utilities.pagination import Page, PageParams

NAME = "twilio"


class NotTheAccountsNumber(InvalidInput):
    """The sender is not one of the account's Twilio numbers."""

    code = "not_the_accounts_number"


class NumberTaken(Conflict):
    """The number already belongs to an account."""

    code = "number_taken"
    message = "This number already belongs to an account."


def webhook_url(integrations: Integrations, kind: str, account_id: str) -> str:
    """Where Twilio posts the account's callbacks of a kind (`sms`, `status`, `calls`)."""
    base = integrations.settings.public_url.rstrip("/")
    return f"{base}/v1/e/twilio/webhooks/{kind}/{account_id}"


async def client_for(integrations: Integrations, account_id: str) -> TwilioClient:
    credential: TwilioKey = await integrations.store(NAME).connected(account_id)
    return TwilioClient(integrations.connected_http(NAME, account_id), credential.external_id)


async def send_sms(integrations: Integrations, account_id: str, sms: SmsCreate) -> SmsRead:
    if not await NumberRepository(account_id).owns(sms.sender):
        raise NotTheAccountsNumber(
            "Send from one of the account's Twilio numbers.",
            details=[{"field": "sender", "message": "not a number of this account"}],
        )
    client = await client_for(integrations, account_id)
    callback = webhook_url(integrations, "status", account_id)
    return await client.send_sms(sms.to, sms.sender, sms.body, callback)


async def search_numbers(
    integrations: Integrations,
    account_id: str,
    country: str,
    area_code: str | None,
    contains: str | None,
    limit: int,
) -> list[AvailableNumber]:
    client = await client_for(integrations, account_id)
    return await client.available_numbers(country, area_code, contains, limit)


async def buy_number(
    integrations: Integrations, account_id: str, purchase: NumberPurchase
) -> TwilioNumber:
    """Bought with its inbound SMS and its calls' statuses sent to the account's webhooks, then
    kept as the account's."""
    numbers = NumberRepository(account_id)
    if await numbers.taken(purchase.phone_number):
        raise NumberTaken()
    client = await client_for(integrations, account_id)
    sms_url = webhook_url(integrations, "sms", account_id)
    calls_url = webhook_url(integrations, "calls", account_id)
    bought = await client.buy_number(purchase.phone_number, sms_url, calls_url)
    try:
        return await numbers.create(
            phone_number=bought["phone_number"],
            sid=bought["sid"],
            twilio_account_sid=client.account_sid,
            friendly_name=bought.get("friendly_name") or "",
            capabilities=bought.get("capabilities") or {},
        )
    except DuplicateKeyError:
        raise NumberTaken() from None


async def list_numbers(account_id: str, params: PageParams) -> Page[TwilioNumber]:
    return await NumberRepository(account_id).paginate(params)


async def receive_callback(
    integrations: Integrations,
    receiver_class: type[TwilioWebhooks],
    kind: str,
    account_id: str,
    headers: Mapping[str, str],
    read_body: BodyReader,
) -> dict[str, int]:
    """Verified with the account's Auth Token over the URL Twilio was given; an account
    without Twilio answers like a bad signature."""
    credential = await integrations.store(NAME).find(account_id)
    if credential is None:
        raise BadSignature()
    auth_token = integrations.box.open(credential.api_key)
    url = webhook_url(integrations, kind, account_id)
    return await receive(receiver_class(account_id, auth_token, url), headers, read_body)
