"""Cloudflare's custom hostnames API (`/zones/{zone_id}/custom_hostnames`) with the zone's API
token, read through Cloudflare's envelope `{"success", "errors", "messages", "result"}`."""

from typing import Any

from pydantic import BaseModel, ValidationError

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp


class Certificate(BaseModel):
    id: str = ""
    expires_on: str | None = None  # ISO 8601


class HostnameSsl(BaseModel):
    status: str = ""  # initializing, pending_validation, ..., active, ..._timed_out, deleted
    certificates: list[Certificate] = []


class CustomHostname(BaseModel):
    id: str
    hostname: str
    ssl: HostnameSsl = HostnameSsl()


class Envelope(BaseModel):
    success: bool
    errors: list[dict[str, Any]] = []
    result: Any = None


class CloudflareClient:
    def __init__(self, http: ProviderHttp, api_token: str, zone_id: str, min_tls: str) -> None:
        self.http = http
        self.headers = {"authorization": f"Bearer {api_token}"}
        self.path = f"zones/{zone_id}/custom_hostnames"
        self.min_tls = min_tls

    async def result(self, method: str, path: str, **request: Any) -> Any:
        response = await self.http.call(method, path, headers=self.headers, **request)
        try:
            envelope = Envelope.model_validate_json(response.content)
        except ValidationError:
            raise ProviderFailed("Cloudflare answered outside its envelope.") from None
        if not envelope.success:
            raise ProviderFailed(f"Cloudflare refused: {envelope.errors}")
        return envelope.result

    async def create(self, hostname: str) -> CustomHostname:
        """A certificate asked for, validated over HTTP once the hostname points at the zone."""
        ssl = {"method": "http", "type": "dv", "settings": {"min_tls_version": self.min_tls}}
        body = {"hostname": hostname, "ssl": ssl}
        return hostname_of(await self.result("POST", self.path, json=body))

    async def find(self, hostname: str) -> CustomHostname | None:
        """The zone's custom hostname for `hostname`, if one was made (a retried creation)."""
        found = await self.result("GET", self.path, params={"hostname": hostname})
        matches = [hostname_of(item) for item in found or []]
        return next((match for match in matches if match.hostname == hostname), None)

    async def get(self, hostname_id: str) -> CustomHostname:
        return hostname_of(await self.result("GET", f"{self.path}/{hostname_id}"))

    async def delete(self, hostname_id: str) -> None:
        await self.result("DELETE", f"{self.path}/{hostname_id}")


def hostname_of(result: Any) -> CustomHostname:
    try:
        return CustomHostname.model_validate(result)
    except ValidationError:
        raise ProviderFailed("Cloudflare answered without the custom hostname.") from None
