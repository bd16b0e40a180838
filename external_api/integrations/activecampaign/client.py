"""ActiveCampaign's API v3 contacts as the sync's adapter
(developers.activecampaign.com/reference/list-all-contacts): paged by `offset`/`limit`
against `meta.total`, changes found with `filters[updated_after]`, at the account's own API
URL. ActiveCampaign allows 5 requests a second per account. Custom fields live in separate
`fieldValues` resources, which this adapter does not map: the standard fields only."""

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from external_api.integrations.activecampaign.webhooks import EVENTS, NAME
from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.hook_tokens import hook_token
from shared.domain.crm_sync.adapter import CrmRecord, RateLimit, RecordPage
from shared.utilities.errors import NotFound

if TYPE_CHECKING:
    from external_api.settings import ExternalApiSettings

API_URL = "api_url"
CONTACTS = "/api/3/contacts"
PAGE_SIZE = 100  # ActiveCampaign's most per page
# Where the webhook's changes may come from: not "api", so the sync's own writes do not come
# back as webhooks.
SOURCES = ["public", "admin", "system"]


def record_of(contact: dict[str, Any]) -> CrmRecord:
    """`udate` is ISO 8601 with the account's offset: `2024-06-16T14:57:48-05:00`."""
    modified = contact.get("udate") or contact["cdate"]
    return CrmRecord(
        external_id=str(contact["id"]),
        fields=contact,
        modified_at=datetime.fromisoformat(modified),
    )


def next_offset(answer: dict[str, Any], offset: int, count: int) -> str | None:
    total = int((answer.get("meta") or {}).get("total") or 0)
    return str(offset + count) if count and offset + count < total else None


class ActiveCampaignContacts(HttpCrmAdapter):
    provider: ClassVar[str] = NAME
    rate_limit: ClassVar[RateLimit] = RateLimit(5, 1)
    default_field_map: ClassVar[dict[str, str]] = {
        "first_name": "firstName",
        "last_name": "lastName",
        "emails.0": "email",
        "phones.0": "phone",
    }

    def url(self, path: str) -> str:
        return f"{str(self.credential.options[API_URL]).rstrip('/')}{path}"

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        offset = int(page or 0)
        params: dict[str, Any] = {"limit": PAGE_SIZE, "offset": offset, "orders[cdate]": "ASC"}
        if since is not None:
            params["filters[updated_after]"] = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        answer = await self.http.json("GET", self.url(CONTACTS), params=params)
        contacts = answer.get("contacts") or []
        return RecordPage(
            [record_of(contact) for contact in contacts],
            next_offset(answer, offset, len(contacts)),
        )

    async def get(self, external_id: str) -> CrmRecord | None:
        try:
            answer = await self.http.json("GET", self.url(f"{CONTACTS}/{external_id}"))
        except NotFound:
            return None
        return record_of(answer["contact"])

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        answer = await self.http.json("POST", self.url(CONTACTS), json={"contact": fields})
        return record_of(answer["contact"])

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        path = self.url(f"{CONTACTS}/{external_id}")
        return record_of((await self.http.json("PUT", path, json={"contact": fields}))["contact"])

    async def delete(self, external_id: str) -> None:
        try:
            await self.http.call("DELETE", self.url(f"{CONTACTS}/{external_id}"))
        except NotFound:
            return

    async def subscribe(self, settings: "ExternalApiSettings", account_id: str) -> None:
        """A webhook for the contacts' events on the account's own URL
        (`POST /api/3/webhooks`); none without the platform's webhook key (none would be
        accepted: the poll cron pulls the changes instead)."""
        key = settings.activecampaign.webhook_key.get_secret_value()
        if not key:
            return
        token = hook_token(key, NAME, account_id)
        webhook = {
            "name": "Platform CRM sync",
            "url": f"{settings.public_url.rstrip('/')}/v1/e/{NAME}/webhooks/{account_id}/{token}",
            "events": list(EVENTS),
            "sources": SOURCES,
        }
        await self.http.call("POST", self.url("/api/3/webhooks"), json={"webhook": webhook})
