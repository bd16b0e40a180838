"""Salesforce's REST API as the sync's adapter (developer.salesforce.com/docs/atlas.en-us.
api_rest.meta): Contacts found by SOQL on `LastModifiedDate`, oldest first, through
`queryAll` (deleted ones included, `IsDeleted`), further pages by `nextRecordsUrl`; one
Contact read, created, patched or deleted through `sobjects/Contact`, at the org's
`instance_url`. Salesforce counts API requests per org per 24 hours (100,000 on most
editions): the limiter spreads them so the sync never spends the day's allowance alone."""

from datetime import UTC, datetime
from typing import Any, ClassVar

from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.salesforce.oauth import INSTANCE_URL
from shared.domain.crm_sync.adapter import CrmRecord, RateLimit, RecordPage
from shared.utilities.errors import NotFound

# The REST API version the shapes here were written against.
API_VERSION = "v59.0"
MODIFIED = "LastModifiedDate"
SOQL_NAME = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def record_of(contact: dict[str, Any]) -> CrmRecord:
    fields = {name: value for name, value in contact.items() if name != "attributes"}
    return CrmRecord(
        external_id=str(contact["Id"]),
        fields=fields,
        modified_at=datetime.fromisoformat(contact[MODIFIED]),
        deleted=bool(contact.get("IsDeleted")),
    )


def soql_time(moment: datetime) -> str:
    """A SOQL dateTime literal, unquoted."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def soql_names(fields: list[str]) -> list[str]:
    """Field names as SOQL takes them (letters, digits, underscores: custom ones end `__c`);
    anything else could change the query, and is left out."""
    return [name for name in fields if name and set(name) <= SOQL_NAME]


class SalesforceContacts(HttpCrmAdapter):
    provider: ClassVar[str] = "salesforce"
    rate_limit: ClassVar[RateLimit] = RateLimit(25_000, 6 * 3600)  # a quarter a day per 6 h
    default_field_map: ClassVar[dict[str, str]] = {
        "first_name": "FirstName",
        "last_name": "LastName",
        "emails.0": "Email",
        "phones.0": "Phone",
        "address.street": "MailingStreet",
        "address.city": "MailingCity",
        "address.region": "MailingState",
        "address.postal_code": "MailingPostalCode",
        "address.country": "MailingCountry",
    }

    @property
    def api(self) -> str:
        instance = str(self.credential.options.get(INSTANCE_URL, "")).rstrip("/")
        return f"{instance}/services/data/{API_VERSION}"

    @property
    def selected(self) -> str:
        return ", ".join(sorted({"Id", "IsDeleted", MODIFIED, *soql_names(self.fields)}))

    async def changed_since(self, since: datetime | None, page: str | None) -> RecordPage:
        if page:
            instance = str(self.credential.options.get(INSTANCE_URL, "")).rstrip("/")
            answer = await self.http.json("GET", f"{instance}{page}")
        else:
            where = ""
            if since is not None:
                where = (
                    f" WHERE {MODIFIED} > {since.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}"
                )
            query = f"SELECT {self.selected} FROM Contact{where} ORDER BY {MODIFIED} ASC"
            answer = await self.http.json("GET", f"{self.api}/queryAll", params={"q": query})
        records = [record_of(contact) for contact in answer.get("records", [])]
        return RecordPage(records, None if answer.get("done", True) else answer["nextRecordsUrl"])

    async def get(self, external_id: str) -> CrmRecord | None:
        path = f"{self.api}/sobjects/Contact/{external_id}"
        try:
            contact = await self.http.json("GET", path, params={"fields": self.selected})
        except NotFound:
            return None
        return record_of(contact)

    async def create(self, fields: dict[str, Any]) -> CrmRecord:
        """LastName is required by Salesforce: a contact without one is sent as its email."""
        sent = {**fields, "LastName": fields.get("LastName") or fields.get("Email") or "-"}
        created = await self.http.json("POST", f"{self.api}/sobjects/Contact", json=sent)
        return await self.read_back(str(created["id"]))

    async def update(self, external_id: str, fields: dict[str, Any]) -> CrmRecord:
        if "LastName" in fields and not fields["LastName"]:
            fields = {name: value for name, value in fields.items() if name != "LastName"}
        await self.http.call("PATCH", f"{self.api}/sobjects/Contact/{external_id}", json=fields)
        return await self.read_back(external_id)

    async def read_back(self, external_id: str) -> CrmRecord:
        """Salesforce answers a write with the id only: its modification time is read back."""
        record = await self.get(external_id)
        if record is None:
            raise NotFound(f"Salesforce has no Contact {external_id}.")
        return record

    async def delete(self, external_id: str) -> None:
        try:
            await self.http.call("DELETE", f"{self.api}/sobjects/Contact/{external_id}")
        except NotFound:
            return
