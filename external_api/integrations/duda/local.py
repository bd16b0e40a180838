"""`LocalSiteBuilder`: a stand-in for Duda in embedded mode only, so a newcomer can make,
publish and push business data to a Duda-type site (and build InstaSites) without partner
credentials. It is refused in distributed mode, where Duda's credentials are required.

It keeps its sites in the process's memory, as embedded mode keeps its data: each made from
its template id, given to customer accounts, published, its content library held as Duda
would (`content.content_library`). Its editor and preview links open a page of the external
API (`/v1/e/duda/local-sites/{site_name}`) showing what the site holds, escaped.
"""

import html
import secrets
from dataclasses import dataclass, field
from typing import Any

from external_api.integrations.duda.errors import DudaNotConfigured
from shared.utilities.errors import NotFound
from shared.utilities.settings import RunMode

LOCAL_SITES_PATH = "/v1/e/duda/local-sites/"


@dataclass
class LocalSite:
    template_id: int
    business_name: str | None
    customers: set[str] = field(default_factory=set)
    content: dict[str, Any] = field(default_factory=dict)
    published: bool = False
    published_content: dict[str, Any] = field(default_factory=dict)


class LocalSiteBuilder:
    def __init__(self, mode: RunMode, base_url: str) -> None:
        if mode is RunMode.DISTRIBUTED:
            raise DudaNotConfigured(
                "The local site builder runs in embedded mode only: set "
                "EXTERNAL_API_DUDA_USERNAME and EXTERNAL_API_DUDA_PASSWORD."
            )
        self.base_url = base_url.rstrip("/")
        self.sites: dict[str, LocalSite] = {}
        self.customers: set[str] = set()

    def site(self, site_name: str) -> LocalSite:
        if site_name not in self.sites:
            raise NotFound(f"The local site builder has no site {site_name}.")
        return self.sites[site_name]

    async def create_site(
        self, template_id: int, business_name: str | None, domain_prefix: str | None
    ) -> str:
        site_name = domain_prefix or f"local-{secrets.token_hex(6)}"
        self.sites[site_name] = LocalSite(template_id, business_name)
        return site_name

    async def delete_site(self, site_name: str) -> None:
        self.site(site_name)
        del self.sites[site_name]

    async def ensure_customer(self, account_name: str) -> None:
        self.customers.add(account_name)

    async def grant_site(self, account_name: str, site_name: str) -> None:
        if account_name not in self.customers:
            raise NotFound(f"The local site builder has no customer {account_name}.")
        self.site(site_name).customers.add(account_name)

    async def publish(self, site_name: str) -> None:
        site = self.site(site_name)
        site.published, site.published_content = True, dict(site.content)

    async def sso_link(self, account_name: str, site_name: str) -> str:
        if account_name not in self.site(site_name).customers:
            raise NotFound(f"The site {site_name} is not {account_name}'s.")
        return await self.preview_url(site_name)

    async def update_content(self, site_name: str, content: dict[str, Any]) -> None:
        self.site(site_name).content = content

    async def publish_content(self, site_name: str) -> None:
        site = self.site(site_name)
        site.published_content = dict(site.content)

    async def preview_url(self, site_name: str) -> str:
        self.site(site_name)
        return f"{self.base_url}{LOCAL_SITES_PATH}{site_name}"

    def page(self, site_name: str) -> str:
        """The site as this stand-in holds it: its name, business data and state, escaped."""
        site = self.site(site_name)
        business = site.content.get("business_data", {})
        location = site.content.get("location_data", {})
        name = business.get("name") or site.business_name or site_name
        phones = ", ".join(phone["phoneNumber"] for phone in location.get("phones", []))
        address = location.get("address", {})
        lines = [
            f"<h1>{html.escape(name)}</h1>",
            f"<p>Template {site.template_id}; {'published' if site.published else 'draft'}</p>",
        ]
        if phones:
            lines.append(f"<p>Phone: {html.escape(phones)}</p>")
        if address:
            where = ", ".join(str(part) for part in address.values() if part)
            lines.append(f"<p>Address: {html.escape(where)}</p>")
        head = f"<head><title>{html.escape(name)}</title></head>"
        return f"<!doctype html><html>{head}<body>{chr(10).join(lines)}</body></html>"
