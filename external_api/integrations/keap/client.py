"""Keap's REST API v1 contacts as the sync's adapter (developer.keap.com/docs/rest): the list
ordered by `last_updated` ascending, changes found with `since`, paged by the answer's `next`
URL (Keap gives one on every page: a page shorter than the limit is the last). Emails, phones
and custom fields are lists: the sync reads and writes `EMAIL1`, `PHONE1` and each custom
field as `custom_fields.<id>`. Keap allows 1500 calls a minute per app (its throttle
headers count them down) within a daily quota."""

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.hook_tokens import hook_token
from external_api.integrations.keap.webhooks import EVENTS, NAME
from shared.domain.crm_sync.adapter import CrmRecord, RateLimit, RecordPage
from shared.utilities.errors import NotFound

if TYPE_CHECKING:
    from external_api.settings import ExternalApiSettings

CONTACTS = "/v1/contacts"
PAGE_SIZE = 200
CUSTOM = "custom_fields."
OPTIONAL = "custom_fields,website"
HOOKS = "/v1/hooks"


def keap_time(value: str) -> datetime:
    """`2024-04-24T20:45:12.000+0000`."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%f%z")


def first_of(values: Any, field: str, key: str) -> str | None:
    return next((v.get(key) for v in values or [] if v.get("field") == field), None)


def record_of(contact: dict[str, Any]) -> CrmRecord:
    fields = {
        name: value
        for name, value in contact.items()
        if name not in ("email_addresses", "phone_numbers", "custom_fields")
    }
    fields["email"] = first_of(contact.get("email_addresses"), "EMAIL1", "email")
    fields["phone"] = first_of(contact.get("phone_numbers"), "PHONE1", "number")
    for custom in contact.get("custom_fields") or []:
        fields[f"{CUSTOM}{custom['id']}"] = custom.get("content")
    return CrmRecord(
        external_id=str(contact["id"]),
        fields=fields,
        modified_at=keap_time(contact.get("last_updated") or contact["date_created"]),
    )


def as_sent(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields as Keap takes them: the email, phone and custom fields back into their lists."""
    sent = {
        name: value
        for name, value in fields.items()
        if name not in ("email", "phone") and not name.startswith(CUSTOM)
    }
    if fields.get("email"):
        sent["email_addresses"] = [{"email": fields["email"], "field": "EMAIL1"}]
    if fields.get("phone"):
        sent["phone_numbers"] = [{"number": fields["phone"], "field": "PHONE1"}]
    customs = [
        {"id": int(name.removeprefix(CUSTOM)), "content": value}
        for name, value in fields.items()
        if name.startswith(CUSTOM)
    ]
    if customs:
        sent["custom_fields"] = customs
    return sent


class KeapContacts(HttpCrmAdapter):
    provider: ClassVar[str] = NAME
    rate_limit: ClassVar[RateLimit] = RateLimit(1500, 60)
    default_field_map: ClassVar[dict[str, str]] = {
        "first_name": "given_name",
        "last_name": "family_name",
        "emails.0": "email",
        "phones.0": "phone",
        "website": "website",
    }

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        if page:  # Keap's own `next` URL carries every parameter
            answer = await self.http.json("GET", page)
        else:
            params: dict[str, Any] = {
                "limit": PAGE_SIZE,
                "offset": 0,
                "order": "last_updated",
                "order_direction": "ASCENDING",
                "optional_properties": OPTIONAL,
            }
            if since is not None:
                params["since"] = since.isoformat(timespec="milliseconds")
            answer = await self.http.json("GET", CONTACTS, params=params)
        contacts = answer.get("contacts") or []
        full = len(contacts) >= PAGE_SIZE and answer.get("next")
        return RecordPage([record_of(c) for c in contacts], answer["next"] if full else None)

    async def get(self, external_id: str) -> CrmRecord | None:
        params = {"optional_properties": OPTIONAL}
        try:
            contact = await self.http.json("GET", f"{CONTACTS}/{external_id}", params=params)
        except NotFound:
            return None
        return record_of(contact)

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        return record_of(await self.http.json("POST", CONTACTS, json=as_sent(fields)))

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        path = f"{CONTACTS}/{external_id}"
        return record_of(await self.http.json("PATCH", path, json=as_sent(fields)))

    async def delete(self, external_id: str) -> None:
        try:
            await self.http.call("DELETE", f"{CONTACTS}/{external_id}")
        except NotFound:
            return

    async def subscribe(self, settings: "ExternalApiSettings", account_id: str) -> None:
        """A REST hook per contact event on the account's own URL (`POST /v1/hooks`), which
        Keap verifies at once through the handshake; none without the platform's webhook key
        (none would be accepted: the poll cron pulls the changes instead)."""
        key = settings.keap.webhook_key.get_secret_value()
        if not key:
            return
        token = hook_token(key, NAME, account_id)
        url = f"{settings.public_url.rstrip('/')}/v1/e/{NAME}/webhooks/{account_id}/{token}"
        for event in EVENTS:
            await self.http.call("POST", HOOKS, json={"eventKey": event, "hookUrl": url})
