"""Zoho CRM's records API v6 on `Contacts` as the sync's adapter
(zoho.com/crm/developer/docs/api/v6/get-records.html): pages by `page`/`per_page` while
`info.more_records`, changes found with the `If-Modified-Since` header, oldest first by
`Modified_Time`; one record read, inserted, updated or deleted, at the org's `api_domain`.
Lists and writes answer a 204 when nothing matched, and each written record's own `status`
(a 200/201 may carry a refused record). Zoho counts API credits per day by edition and
limits concurrent calls; 100 calls a minute per org keeps well inside both."""

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.zoho.oauth import API_DOMAIN
from external_api.integrations.zoho.service import watch
from external_api.integrations.zoho.webhooks import NAME
from shared.domain.crm_sync.adapter import CrmRecord, RateLimit, RecordPage
from shared.utilities.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from external_api.settings import ExternalApiSettings

CONTACTS = "/crm/v6/Contacts"
MODIFIED = "Modified_Time"
PAGE_SIZE = 200  # Zoho's most per page


def zoho_time(value: str) -> datetime:
    """ISO 8601 with the org's offset: `2024-05-02T11:17:33+05:30`."""
    return datetime.fromisoformat(value)


def record_of(row: dict[str, Any]) -> CrmRecord:
    return CrmRecord(external_id=str(row["id"]), fields=row, modified_at=zoho_time(row[MODIFIED]))


def rows_of(response: httpx.Response) -> list[dict[str, Any]]:
    if response.status_code == 204 or not response.content:
        return []
    return response.json().get("data") or []


def written(response: httpx.Response, fields: dict[str, Any]) -> CrmRecord:
    """The one record a write answered: refused with Zoho's own words, or the fields sent
    with the id and modification time Zoho gave it."""
    result = rows_of(response)[0]
    if result.get("status") != "success":
        raise InvalidInput(f"Zoho CRM: {result.get('message') or result.get('code')}")
    details = result["details"]
    return record_of({**fields, "id": details["id"], MODIFIED: details[MODIFIED]})


class ZohoContacts(HttpCrmAdapter):
    provider: ClassVar[str] = NAME
    rate_limit: ClassVar[RateLimit] = RateLimit(100, 60)
    default_field_map: ClassVar[dict[str, str]] = {
        "first_name": "First_Name",
        "last_name": "Last_Name",
        "emails.0": "Email",
        "phones.0": "Phone",
        "address.street": "Mailing_Street",
        "address.city": "Mailing_City",
        "address.region": "Mailing_State",
        "address.postal_code": "Mailing_Zip",
        "address.country": "Mailing_Country",
    }

    def url(self, path: str) -> str:
        """At the org's own data centre, when the connection named it."""
        domain = self.credential.options.get(API_DOMAIN)
        return f"{domain.rstrip('/')}{path}" if domain else path

    @property
    def field_names(self) -> str:
        return ",".join(sorted({*self.fields, MODIFIED}))

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        number = int(page or 1)
        params = {
            "fields": self.field_names,
            "page": number,
            "per_page": PAGE_SIZE,
            "sort_by": MODIFIED,
            "sort_order": "asc",
        }
        headers = {"if-modified-since": since.astimezone(UTC).isoformat()} if since else {}
        response = await self.http.call("GET", self.url(CONTACTS), params=params, headers=headers)
        rows = rows_of(response)
        more = rows and (response.json().get("info") or {}).get("more_records")
        return RecordPage([record_of(row) for row in rows], str(number + 1) if more else None)

    async def get(self, external_id: str) -> CrmRecord | None:
        path = self.url(f"{CONTACTS}/{external_id}")
        try:
            rows = rows_of(await self.http.call("GET", path, params={"fields": self.field_names}))
        except NotFound:
            return None
        return record_of(rows[0]) if rows else None

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        body = {"data": [fields]}
        return written(await self.http.call("POST", self.url(CONTACTS), json=body), fields)

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        path = self.url(f"{CONTACTS}/{external_id}")
        return written(await self.http.call("PUT", path, json={"data": [fields]}), fields)

    async def delete(self, external_id: str) -> None:
        try:
            await self.http.call("DELETE", self.url(f"{CONTACTS}/{external_id}"))
        except NotFound:
            return

    async def subscribe(self, settings: "ExternalApiSettings", account_id: str) -> None:
        """The account's notification channel; none without the platform's webhook key (none
        would be accepted: the poll cron pulls the changes instead)."""
        if settings.zoho.webhook_key.get_secret_value():
            await watch(settings, self.http, self.url(""), account_id)
