"""SMS through Twilio's Messages API (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`).

Form-encoded, with basic auth (Account SID, auth token). Twilio answers 201 with the message's
`sid`, and posts each later status to the `StatusCallback` URL given with the message.
"""

import httpx

from notifications.providers.base import (
    ProviderReceipt,
    SmsMessage,
    check_answer,
    unreachable_is_unavailable,
)

NAME = "twilio"


class TwilioSms:
    name = NAME

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        account_sid: str,
        auth_token: str,
        from_number: str,
        status_callback_url: str,
    ) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self.auth = httpx.BasicAuth(account_sid, auth_token)
        self.from_number = from_number
        self.status_callback_url = status_callback_url

    async def send(self, message: SmsMessage) -> ProviderReceipt:
        form = {
            "To": message.to,
            "From": self.from_number,
            "Body": message.text,
            "StatusCallback": self.status_callback_url,
        }
        with unreachable_is_unavailable(NAME):
            response = await self.client.post(self.url, auth=self.auth, data=form)
        check_answer(NAME, response, error_message)
        return ProviderReceipt(NAME, response.json()["sid"])


def error_message(body: dict) -> str:
    """Twilio's `{"code", "message", "more_info", "status"}`."""
    message = body.get("message", "")
    return f"{message} (error {body['code']})" if message and body.get("code") else message
