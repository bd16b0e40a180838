"""Yext's Knowledge API, the one provider of publishers."""

import httpx

from shared.providers.yext import Publisher
from shared.utilities.errors import ServiceUnavailable, UpstreamError
from shared.utilities.upstream import upstream_failures


class YextApi:
    def __init__(
        self, client: httpx.AsyncClient, base_url: str, api_key: str, version: str, key_name: str
    ) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.version = version
        self.key_name = key_name  # the variable the key is set in, for the errors that need it

    async def list_publishers(self) -> list[Publisher]:
        if not self.api_key:
            raise ServiceUnavailable(f"Yext is not configured: set {self.key_name}.")
        with upstream_failures("Yext"):
            answer = await self.client.get(
                f"{self.base_url}/accounts/me/publishers",
                params={"api_key": self.api_key, "v": self.version},
            )
        if answer.status_code in (401, 403):
            raise ServiceUnavailable(f"Yext refused the platform's key ({self.key_name}).")
        if answer.status_code != 200:
            raise UpstreamError(f"Yext answered {answer.status_code}.")
        try:
            publishers = answer.json()["response"]["publishers"]
            return [Publisher.model_validate(publisher) for publisher in publishers]
        except (ValueError, KeyError, TypeError) as error:
            raise UpstreamError("Yext answered in an unexpected shape.") from error
