"""Twilio's REST API (2010-04-01) for one account: HTTP basic with its Account SID and Auth
Token, form-encoded bodies, JSON answers (the `.json` paths)."""

from typing import Any

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.twilio.schemas import AvailableNumber, SmsRead


class TwilioClient:
    """On the account's connection, which adds its SID and Auth Token as HTTP basic."""

    def __init__(self, http: ConnectedHttp, account_sid: str) -> None:
        self.http = http
        self.account_sid = account_sid
        self.account_path = f"Accounts/{account_sid}"

    async def json(self, method: str, path: str, **request: Any) -> dict:
        answer = await self.http.json(method, f"{self.account_path}/{path}", **request)
        if not isinstance(answer, dict):
            raise ProviderFailed("Twilio answered in an unexpected shape.")
        return answer

    async def send_sms(self, to: str, sender: str, body: str, status_callback: str) -> SmsRead:
        form = {"To": to, "From": sender, "Body": body, "StatusCallback": status_callback}
        return SmsRead.model_validate(await self.json("POST", "Messages.json", data=form))

    async def available_numbers(
        self, country: str, area_code: str | None, contains: str | None, limit: int
    ) -> list[AvailableNumber]:
        params: dict[str, Any] = {"SmsEnabled": "true", "PageSize": limit}
        if area_code:
            params["AreaCode"] = area_code
        if contains:
            params["Contains"] = contains
        answer = await self.json(
            "GET", f"AvailablePhoneNumbers/{country}/Local.json", params=params
        )
        return [
            AvailableNumber.model_validate(n) for n in answer.get("available_phone_numbers", [])
        ]

    async def buy_number(self, phone_number: str, sms_url: str, status_callback: str) -> dict:
        """The incoming phone number resource Twilio created, inbound SMS posted to `sms_url`
        and its calls' statuses to `status_callback`."""
        form = {
            "PhoneNumber": phone_number,
            "SmsUrl": sms_url,
            "SmsMethod": "POST",
            "StatusCallback": status_callback,
            "StatusCallbackMethod": "POST",
        }
        return await self.json("POST", "IncomingPhoneNumbers.json", data=form)
