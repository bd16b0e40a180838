"""Pipedrive's persons API v1 as the sync's adapter (developers.pipedrive.com/docs/api/v1):
the whole list paged by `start` while `more_items_in_collection`, changes since a time from
`/v1/recents` (`since_timestamp`, UTC), one person read, added, updated or deleted, at the
company's `api_domain`. Emails and phones are lists of `{value, primary}`: the sync reads and
writes the primary one. OAuth apps may make 80 requests per 2 seconds per company."""

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.pipedrive.oauth import API_DOMAIN
from shared.domain.crm_sync.adapter import CrmRecord, RateLimit, RecordPage
from shared.utilities.errors import NotFound

if TYPE_CHECKING:
    from external_api.settings import ExternalApiSettings

PAGE_SIZE = 100
LISTED = ("email", "phone")  # fields Pipedrive keeps as lists of {value, primary}


def pipedrive_time(value: str) -> datetime:
    """`YYYY-MM-DD HH:MM:SS`, in UTC."""
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def pipedrive_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def primary(values: Any) -> str | None:
    if not isinstance(values, list) or not values:
        return None
    chosen = next((v for v in values if v.get("primary")), values[0])
    return chosen.get("value") or None


def record_of(person: dict[str, Any]) -> CrmRecord:
    fields = {name: primary(value) if name in LISTED else value for name, value in person.items()}
    return CrmRecord(
        external_id=str(person["id"]),
        fields=fields,
        modified_at=pipedrive_time(person.get("update_time") or person["add_time"]),
        deleted=person.get("active_flag") is False,
    )


def as_sent(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields as Pipedrive takes them: the primary email and phone as lists, a name always."""
    sent = {
        name: [{"value": value, "primary": True}] if name in LISTED and value else value
        for name, value in fields.items()
    }
    if not sent.get("name"):
        parts = [sent.get("first_name"), sent.get("last_name")]
        sent["name"] = " ".join(str(part) for part in parts if part) or fields.get("email") or "-"
    return sent


def next_start(answer: dict[str, Any]) -> str | None:
    pagination = (answer.get("additional_data") or {}).get("pagination") or {}
    if not pagination.get("more_items_in_collection"):
        return None
    return str(pagination["next_start"])


class PipedrivePersons(HttpCrmAdapter):
    provider: ClassVar[str] = "pipedrive"
    rate_limit: ClassVar[RateLimit] = RateLimit(80, 2)
    default_field_map: ClassVar[dict[str, str]] = {
        "first_name": "first_name",
        "last_name": "last_name",
        "emails.0": "email",
        "phones.0": "phone",
    }

    def url(self, path: str) -> str:
        """At the company's own domain, when the connection named one."""
        domain = self.credential.options.get(API_DOMAIN)
        return f"{domain.rstrip('/')}{path}" if domain else path

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        params: dict[str, Any] = {"start": int(page or 0), "limit": PAGE_SIZE}
        if since is None:
            params["sort"] = "update_time ASC"
            answer = await self.http.json("GET", self.url("/v1/persons"), params=params)
            people = answer.get("data") or []
        else:
            params |= {
                "items": "person",
                "since_timestamp": since.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            }
            answer = await self.http.json("GET", self.url("/v1/recents"), params=params)
            people = [item["data"] for item in answer.get("data") or [] if item.get("data")]
        return RecordPage([record_of(person) for person in people], next_start(answer))

    async def get(self, external_id: str) -> CrmRecord | None:
        try:
            answer = await self.http.json("GET", self.url(f"/v1/persons/{external_id}"))
        except NotFound:
            return None
        return record_of(answer["data"])

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        answer = await self.http.json("POST", self.url("/v1/persons"), json=as_sent(fields))
        return record_of(answer["data"])

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        path = self.url(f"/v1/persons/{external_id}")
        return record_of((await self.http.json("PUT", path, json=as_sent(fields)))["data"])

    async def delete(self, external_id: str) -> None:
        try:
            await self.http.call("DELETE", self.url(f"/v1/persons/{external_id}"))
        except NotFound:
            return

    async def subscribe(self, settings: "ExternalApiSettings", account_id: str) -> None:
        """A webhook v1 for every person event, signing in with the platform's basic auth
        (`POST /v1/webhooks`); none without a webhook password (none would be accepted)."""
        pipedrive = settings.pipedrive
        password = pipedrive.webhook_password.get_secret_value()
        if not password:
            return
        public = settings.public_url.rstrip("/")
        webhook = {
            "subscription_url": f"{public}/v1/e/pipedrive/webhooks/persons/{account_id}",
            "event_action": "*",
            "event_object": "person",
            "http_auth_user": pipedrive.webhook_user,
            "http_auth_password": password,
            "version": "1.0",
        }
        await self.http.call("POST", self.url("/v1/webhooks"), json=webhook)
