"""A Twilio number an account bought through the platform: inbound SMS to it belong to the
account (its `SmsUrl` points at the external API's webhook)."""

from beanie import Indexed
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class TwilioNumber(TenantDocument):
    # Unique: a number belongs to one account, which is how an inbound SMS finds its account.
    # E.164. Indexed() makes a type at runtime, which mypy cannot read.
    phone_number: Indexed(str, unique=True)  # type: ignore[valid-type]
    sid: str  # PN..., Twilio's id of the incoming phone number
    twilio_account_sid: str  # AC..., the Twilio account that owns it
    friendly_name: str = ""
    capabilities: dict[str, bool] = {}

    class Settings:
        name = "twilio_numbers"
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
