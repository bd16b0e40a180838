"""Duda's partner API with the platform's credentials (HTTP basic)."""

from typing import Any

import httpx

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp
from shared.utilities.errors import NotFound

# What an account's users may do on their own sites in Duda's editor.
SITE_PERMISSIONS = ["EDIT", "PUBLISH", "STATS_TAB", "SEO", "DEV_MODE", "CUSTOM_DOMAIN"]


class DudaClient:
    def __init__(self, http: ProviderHttp, username: str, password: str) -> None:
        self.http = http
        self.auth = httpx.BasicAuth(username, password)

    async def call(self, method: str, path: str, **request: Any) -> httpx.Response:
        return await self.http.call(method, path, auth=self.auth, **request)

    async def create_site(
        self, template_id: int, business_name: str | None, domain_prefix: str | None
    ) -> str:
        """The new site's name (Duda's id for it)."""
        body: dict[str, Any] = {"template_id": template_id}
        if domain_prefix:
            body["default_domain_prefix"] = domain_prefix
        if business_name:
            body["site_data"] = {"site_business_info": {"business_name": business_name}}
        answer = (await self.call("POST", "sites/multiscreen/create", json=body)).json()
        if not isinstance(answer, dict) or not answer.get("site_name"):
            raise ProviderFailed("Duda answered without the new site's name.")
        return answer["site_name"]

    async def delete_site(self, site_name: str) -> None:
        await self.call("DELETE", f"sites/multiscreen/{site_name}")

    async def ensure_customer(self, account_name: str) -> None:
        """The customer account exists afterwards (looked up first, created when missing)."""
        try:
            await self.call("GET", f"accounts/{account_name}")
        except NotFound:
            body = {"account_name": account_name, "account_type": "CUSTOMER"}
            await self.call("POST", "accounts/create", json=body)

    async def grant_site(self, account_name: str, site_name: str) -> None:
        path = f"accounts/{account_name}/sites/{site_name}/permissions"
        await self.call("POST", path, json={"permissions": SITE_PERMISSIONS})

    async def publish(self, site_name: str) -> None:
        await self.call("POST", f"sites/multiscreen/publish/{site_name}")

    async def sso_link(self, account_name: str, site_name: str) -> str:
        params = {"site_name": site_name, "target": "EDITOR"}
        answer = (await self.call("GET", f"accounts/sso/{account_name}/link", params=params)).json()
        if not isinstance(answer, dict) or not answer.get("url"):
            raise ProviderFailed("Duda answered without the sign-on link.")
        return answer["url"]

    async def update_content(self, site_name: str, content: dict[str, Any]) -> None:
        """The site's content library (business data, texts, images) updated in the editor."""
        await self.call("POST", f"sites/multiscreen/{site_name}/content", json=content)

    async def publish_content(self, site_name: str) -> None:
        """The content library's changes shown on the published site."""
        await self.call("POST", f"sites/multiscreen/{site_name}/content/publish")

    async def preview_url(self, site_name: str) -> str:
        """Where the site can be seen before it is published (`preview_site_url`)."""
        answer = (await self.call("GET", f"sites/multiscreen/{site_name}")).json()
        if not isinstance(answer, dict) or not answer.get("preview_site_url"):
            raise ProviderFailed("Duda answered without the site's preview link.")
        return answer["preview_site_url"]
