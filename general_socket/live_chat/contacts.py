"""Turning a visitor who left a new email into a CRM contact: asked of the internal API, which
owns the contact rules (one live contact per email, validation, search, history), with the
general socket's service token. An email a contact already holds gives no contact back: the
visitor may not be that contact (see `identity`)."""

from dataclasses import dataclass

import httpx

from shared.utilities.auth import Authenticator, service_token
from shared.utilities.errors import InvalidInput, UpstreamError
from shared.utilities.upstream import upstream_failures

SERVICE_NAME = "general_socket"


@dataclass(frozen=True)
class ContactCapture:
    client: httpx.AsyncClient
    base_url: str
    authenticator: Authenticator

    async def new_contact(self, account_id: str, email: str, name: str) -> str | None:
        """The id of the person made for the email; None when a live contact holds it."""
        token = service_token(self.authenticator, SERVICE_NAME, audience="internal_api")
        with upstream_failures("The CRM"):
            response = await self.client.post(
                f"{self.base_url.rstrip('/')}/v1/live-chat/prospect-contacts",
                json={"account_id": account_id, "email": email, "name": name},
                headers={"authorization": f"Bearer {token}"},
            )
        if response.status_code == 422:
            error = response.json()["error"]
            raise InvalidInput(error["message"], details=error["details"])
        if response.is_error:
            raise UpstreamError(f"The CRM answered {response.status_code}.")
        return response.json()["contact_id"]
