"""Facebook lead ads: a lead the external API received (its id and Page) is fetched from the
Graph API with the Page's token and becomes a CRM contact of each account that subscribed the
Page to leads: the account's live contact with the same email or phone when there is one
(completed with what it lacked), a new person otherwise (its phone read in the account's
region); the lead is logged on the contact and recorded as its lead through the lead-ad form,
with the ad and campaign it came from, once per lead."""

from dataclasses import dataclass
from typing import Any

import httpx

from queue_manager.celery import settings
from queue_manager.integrations.repository import lead_subscribers
from queue_manager.settings import QueueManagerSettings
from shared.domain.activities.recording import record
from shared.domain.activities.repository import ActivityRepository
from shared.domain.contacts.callers import contact_for, names_of
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import platform_author
from shared.domain.leads.recording import Touch
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog, FieldChange
from shared.models.facebook_token import FacebookToken
from shared.models.integration_credential import ConnectionStatus
from shared.models.lead import Attribution, LeadSource
from shared.utilities.encryption import configured_box
from shared.utilities.upstream import http_client, retried_when_busy, upstream_failures
from shared.utilities.worker import PermanentError

SOURCE = "facebook_lead_ads"
TAG = "facebook-lead"
INVALID_TOKEN_CODE = 190
# The lead's own details kept on its activity.
LEAD_DETAILS = ("leadgen_id", "form_id", "ad_id", "page_id")
# What the Graph API is asked of a lead: the answers, and the form, ad and campaign behind it.
LEAD_FIELDS = "id,created_time,field_data,form_id,ad_id,campaign_id"


@dataclass(frozen=True)
class LeadPerson:
    """The lead's answers as Facebook sends them; the write path reads them."""

    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None


def answers(field_data: list[dict]) -> dict[str, str]:
    """The form's answers by field name (Facebook's standard names: full_name, email, ...)."""
    return {field["name"]: field["values"][0] for field in field_data if field.get("values")}


def lead_person(field_data: list[dict]) -> LeadPerson:
    given = answers(field_data)
    named = names_of(given.get("full_name"))
    return LeadPerson(
        first_name=given.get("first_name") or named.get("first_name"),
        last_name=given.get("last_name") or named.get("last_name"),
        email=given.get("email") or None,
        phone=given.get("phone_number") or None,
    )


@retried_when_busy
async def get_lead(client: httpx.AsyncClient, url: str, page_token: str) -> httpx.Response:
    with upstream_failures("Facebook"):
        return await client.get(
            url,
            params={"fields": LEAD_FIELDS},
            headers={"authorization": f"Bearer {page_token}"},
        )


async def fetch_lead(
    client: httpx.AsyncClient,
    config: QueueManagerSettings,
    connection: FacebookToken,
    page_id: str,
    leadgen_id: str,
) -> dict[str, Any]:
    box = configured_box(config.integrations_encryption_keys, config.mode)
    page = next(page for page in connection.pages if page.id == page_id)
    url = f"{config.facebook_graph_url.rstrip('/')}/{config.facebook_graph_version}/{leadgen_id}"
    response = await get_lead(client, url, box.open(page.access_token))
    if response.status_code >= 400 and token_refused(response):
        connection.status = ConnectionStatus.RECONNECT_NEEDED
        connection.problem = "Facebook refused the Page token while fetching a lead"
        await connection.save()
        raise PermanentError(f"Facebook refused the token of page {page_id}")
    response.raise_for_status()  # anything else is worth retrying later
    return response.json()


def token_refused(response: httpx.Response) -> bool:
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        return response.status_code == 401
    return response.status_code == 401 or error.get("code") == INVALID_TOKEN_CODE


async def log_lead(contact: Contact, lead: dict[str, Any]) -> CrmLog:
    """The lead as an activity on the contact, once: a run taken over after a crash finds it."""
    assert contact.id is not None, "a stored contact"
    activities = ActivityRepository(contact.account_id)
    if logged := await activities.with_change(contact.id, "leadgen_id", lead["leadgen_id"]):
        return logged
    details = [FieldChange(field=name, new=lead[name]) for name in LEAD_DETAILS if name in lead]
    return await record(contact.account_id, None, "contact", contact.id, "lead_received", details)


async def import_lead(
    data: dict[str, Any], client: httpx.AsyncClient, config: QueueManagerSettings
) -> dict[str, Any]:
    page_id, leadgen_id = str(data["page_id"]), str(data["leadgen_id"])
    connections = await lead_subscribers(page_id)
    if not connections:
        return {"skipped": "no account subscribed this Page to leads"}
    lead = await fetch_lead(client, config, connections[0], page_id, leadgen_id)
    person = lead_person(lead.get("field_data", []))
    touch = lead_touch(leadgen_id, data, lead)
    contacts = []
    try:
        for connection in connections:
            contact, created = await lead_contact(connection, person, touch)
            await log_lead(contact, {**data, "leadgen_id": leadgen_id})
            contacts.append({"contact_id": str(contact.id), "created": created})
    except Unreachable:
        return {"skipped": "the lead has no email or phone to reach"}
    return {"contacts": contacts}


def lead_touch(leadgen_id: str, event: dict[str, Any], lead: dict[str, Any]) -> Touch:
    """The lead as a touch: through its form, from its ad and campaign (the Graph API's word,
    else the webhook's)."""

    def given(name: str) -> str | None:
        value = lead.get(name) or event.get(name)
        return str(value) if value else None

    return Touch(
        LeadSource.FACEBOOK,
        source_ref=given("form_id"),
        attribution=Attribution(utm_campaign=given("campaign_id"), utm_content=given("ad_id")),
        touch_id=leadgen_id,
    )


async def lead_contact(
    connection: FacebookToken, person: LeadPerson, touch: Touch
) -> tuple[Contact, bool]:
    """The lead's person as a contact of the connection's account, the lead recorded."""
    author = await platform_author(connection.account_id, settings)
    return await contact_for(
        author,
        SOURCE,
        email=person.email,
        phone=person.phone,
        first_name=person.first_name,
        last_name=person.last_name,
        tag=TAG,
        touch=touch,
    )


async def handle(
    event: dict[str, Any], transport: httpx.AsyncBaseTransport | None = None
) -> dict[str, Any]:
    """`transport` stands in for the network, in tests."""
    async with http_client(5, 30, transport) as client:
        return await import_lead(event["data"], client, settings)
