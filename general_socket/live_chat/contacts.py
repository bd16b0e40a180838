"""Turning a visitor who left an email into a CRM contact: asked of the internal API, which
owns the contact rules (one live contact per email, validation, search, history), with the
general socket's service token."""

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

    async def contact_for(self, account_id: str, email: str, name: str) -> str:
        """The id of the account's contact with the email, made if there is none."""
        token = service_token(self.authenticator, SERVICE_NAME)
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
