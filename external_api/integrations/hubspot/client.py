"""HubSpot's CRM v3 contacts API as the sync's adapter (developers.hubspot.com/docs/api/crm):
the whole list paged by `after`, changes found by the search API on `lastmodifieddate`
(oldest first), one contact read, created, patched or archived. Public apps may make 100
requests per 10 seconds per account."""

from datetime import UTC, datetime
from typing import Any, ClassVar

from external_api.integrations.crm_sync.base import HttpCrmAdapter
from shared.domain.crm_sync.adapter import CrmRecord, RateLimit, RecordPage
from shared.utilities.errors import NotFound

CONTACTS = "/crm/v3/objects/contacts"
MODIFIED = "lastmodifieddate"
PAGE_SIZE = 100


def hubspot_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def record_of(contact: dict[str, Any]) -> CrmRecord:
    properties = contact.get("properties") or {}
    modified = properties.get(MODIFIED) or contact["updatedAt"]
    return CrmRecord(
        external_id=str(contact["id"]),
        fields=properties,
        modified_at=hubspot_time(modified),
        deleted=bool(contact.get("archived")),
    )


def after_of(answer: dict[str, Any]) -> str | None:
    return ((answer.get("paging") or {}).get("next") or {}).get("after")


class HubspotContacts(HttpCrmAdapter):
    provider: ClassVar[str] = "hubspot"
    rate_limit: ClassVar[RateLimit] = RateLimit(100, 10)
    default_field_map: ClassVar[dict[str, str]] = {
        "first_name": "firstname",
        "last_name": "lastname",
        "emails.0": "email",
        "phones.0": "phone",
        "website": "website",
        "address.street": "address",
        "address.city": "city",
        "address.region": "state",
        "address.postal_code": "zip",
        "address.country": "country",
    }

    @property
    def properties(self) -> list[str]:
        return sorted({*self.fields, MODIFIED})

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        if since is None:
            params: dict[str, Any] = {"limit": PAGE_SIZE, "properties": ",".join(self.properties)}
            if page:
                params["after"] = page
            answer = await self.http.json("GET", CONTACTS, params=params)
        else:
            answer = await self.http.json(
                "POST", f"{CONTACTS}/search", json=self.search(since, page)
            )
        records = [record_of(contact) for contact in answer.get("results", [])]
        return RecordPage(records, after_of(answer))

    def search(self, since: datetime, page: str | None) -> dict[str, Any]:
        """Contacts modified after `since`, oldest first (the filter takes epoch milliseconds)."""
        millis = int(since.astimezone(UTC).timestamp() * 1000)
        body: dict[str, Any] = {
            "filterGroups": [
                {"filters": [{"propertyName": MODIFIED, "operator": "GT", "value": str(millis)}]}
            ],
            "sorts": [{"propertyName": MODIFIED, "direction": "ASCENDING"}],
            "properties": self.properties,
            "limit": PAGE_SIZE,
        }
        if page:
            body["after"] = page
        return body

    async def get(self, external_id: str) -> CrmRecord | None:
        params = {"properties": ",".join(self.properties)}
        try:
            return record_of(
                await self.http.json("GET", f"{CONTACTS}/{external_id}", params=params)
            )
        except NotFound:
            return None

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        return record_of(await self.http.json("POST", CONTACTS, json={"properties": fields}))

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        path = f"{CONTACTS}/{external_id}"
        return record_of(await self.http.json("PATCH", path, json={"properties": fields}))

    async def delete(self, external_id: str) -> None:
        try:
            await self.http.call("DELETE", f"{CONTACTS}/{external_id}")
        except NotFound:
            return
