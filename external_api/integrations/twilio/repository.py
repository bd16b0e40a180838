"""Every query of the account's Twilio numbers."""

from shared.models.twilio_number import TwilioNumber
from shared.utilities.repository import TenantRepository


class NumberRepository(TenantRepository[TwilioNumber]):
    noun = "Twilio number"

    def __init__(self, account_id: str) -> None:
        super().__init__(TwilioNumber, account_id)

    async def owns(self, phone_number: str) -> bool:
        return await self.count({"phone_number": phone_number}) > 0

    async def taken(self, phone_number: str) -> bool:
        """Whether any account owns the number: it belongs to one account at most."""
        return await TwilioNumber.find_one({"phone_number": phone_number}) is not None
