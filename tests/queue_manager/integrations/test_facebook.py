"""Facebook lead ads: the lead fetched with the subscribed Page's token, a contact found by email
or phone (or made) in each subscribing account, with search terms, and the lead logged and
recorded once."""

import pytest
from beanie import PydanticObjectId

from queue_manager.celery import settings
from queue_manager.integrations.facebook import handle
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.models.facebook_token import FacebookPage, FacebookToken
from shared.models.integration_credential import ConnectionStatus
from shared.models.lead import Lead, LeadSource
from shared.utilities.worker import PermanentError
from tests.external_api.conftest import ENCRYPTION_KEY
from tests.external_api.factories import BOX
from tests.external_api.fakes import FakeProviders, json_answer
from tests.external_api.fakes.facebook import EXPIRED_TOKEN, GRAPH, lead_answer

LEAD_URL = f"{GRAPH}/lead-1"


@pytest.fixture(autouse=True)
def integration_keys(monkeypatch):
    monkeypatch.setattr(settings, "integrations_encryption_keys", ENCRYPTION_KEY)
    monkeypatch.setattr(settings, "facebook_graph_url", "https://graph.facebook.com")


@pytest.fixture
def fake() -> FakeProviders:
    return FakeProviders()


async def subscribe(page_id: str = "page-1", subscribed: bool = True, **fields) -> FacebookToken:
    page = FacebookPage(
        id=page_id,
        name="Bakery",
        access_token=BOX.seal(f"page-token-{page_id}"),
        leads_subscribed=subscribed,
    )
    fields = {"account_id": PydanticObjectId(), "access_token": BOX.seal("user"), **fields}
    return await FacebookToken(pages=[page], **fields).insert()


async def create_known_contact(connection: FacebookToken, **fields) -> Contact:
    return await Contact(account_id=connection.account_id, first_name="Grace", **fields).insert()


def lead_event(page_id: str = "page-1", leadgen_id: str = "lead-1") -> dict:
    data = {"leadgen_id": leadgen_id, "page_id": page_id, "form_id": "555", "ad_id": "444"}
    return {"id": leadgen_id, "type": "leadgen", "data": data}


async def run_lead(run, fake, event=None) -> dict:
    return await run(lambda e: handle(e, fake.transport()), event or lead_event())


async def test_the_lead_is_fetched_with_the_pages_token(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1")))
    await subscribe()

    await run_lead(run, fake)

    (sent,) = fake.requests
    assert (sent.method, str(sent.url.copy_with(query=None))) == ("GET", LEAD_URL)
    assert sent.headers["authorization"] == "Bearer page-token-page-1"
    assert {"field_data", "form_id", "ad_id", "campaign_id"} <= set(
        sent.url.params["fields"].split(",")
    )


async def test_a_new_lead_is_recorded_through_its_form_with_its_ad_and_campaign(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1")))
    connection = await subscribe()

    await run_lead(run, fake)

    contact = await Contact.find_one({"account_id": connection.account_id})
    [lead] = await Lead.find({"account_id": connection.account_id}).to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        contact.id,
        LeadSource.FACEBOOK,
        "555",
        True,
    )
    assert (lead.attribution.utm_campaign, lead.attribution.utm_content) == ("333", "444")


async def test_a_lead_from_a_known_contact_is_recorded_as_theirs_not_new(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1", email="grace@example.com")))
    connection = await subscribe()
    known = await create_known_contact(connection, emails=["grace@example.com"])

    await run_lead(run, fake)

    [lead] = await Lead.find({"account_id": connection.account_id}).to_list()
    assert (lead.contact_id, lead.new_contact) == (known.id, False)


async def test_a_lead_run_again_is_recorded_once_and_still_new(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1")))
    await subscribe()

    await run_lead(run, fake)
    await run_lead(run, fake)  # a run taken over after a crash

    [lead] = await Lead.find_all().to_list()
    assert lead.new_contact is True


async def test_a_new_lead_becomes_a_contact_found_by_search(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1")))
    connection = await subscribe()

    answer = await run_lead(run, fake)

    contact = await Contact.find_one({"account_id": connection.account_id})
    assert answer == {"contacts": [{"contact_id": str(contact.id), "created": True}]}
    assert (contact.first_name, contact.last_name) == ("Joe", "Example")
    assert contact.emails == ["joe@example.com"]
    assert contact.phones == ["+14155550100"]
    assert (contact.source, contact.tags) == ("facebook_lead_ads", ["facebook-lead"])
    assert {"joe", "exa", "4155550100"} <= set(contact.search_terms)


async def test_a_lead_with_a_known_email_completes_that_contact(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1", email="grace@example.com")))
    connection = await subscribe()
    known = await create_known_contact(connection, emails=["grace@example.com"])

    answer = await run_lead(run, fake)

    assert answer["contacts"][0] == {"contact_id": str(known.id), "created": False}
    updated = await Contact.get(known.id)
    assert updated.first_name == "Grace"  # kept
    assert updated.phones == ["+14155550100"]  # added
    assert await Contact.find({"account_id": connection.account_id}).count() == 1


async def test_a_lead_with_a_known_phone_is_that_contact(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1", email="")))
    connection = await subscribe()
    known = await create_known_contact(connection, phones=["+14155550100"])

    answer = await run_lead(run, fake)

    assert answer["contacts"][0]["contact_id"] == str(known.id)


async def test_the_lead_is_logged_on_the_contact_once(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1")))
    await subscribe()

    await run_lead(run, fake)
    await run_lead(run, fake)  # a run taken over after a crash

    (logged,) = await CrmLog.find({"action": "lead_received"}).to_list()
    assert {change.field: change.new for change in logged.changes}["leadgen_id"] == "lead-1"
    assert await Contact.find().count() == 1


async def test_every_subscribing_account_gets_the_contact(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1")))
    first, second = await subscribe(), await subscribe()

    answer = await run_lead(run, fake)

    assert len(answer["contacts"]) == 2
    for connection in (first, second):
        assert await Contact.find({"account_id": connection.account_id}).count() == 1
        assert await Lead.find({"account_id": connection.account_id}).count() == 1


async def test_a_page_nobody_subscribed_is_skipped(run, fake):
    await subscribe(subscribed=False)

    answer = await run_lead(run, fake)

    assert "skipped" in answer
    assert fake.requests == []


async def test_a_lead_without_email_or_phone_makes_no_contact(run, fake):
    fake.on("GET", LEAD_URL, json_answer(lead_answer("lead-1", email="", phone="not a phone")))
    await subscribe()

    answer = await run_lead(run, fake)

    assert "skipped" in answer
    assert await Contact.find().count() == 0
    assert await Lead.find().count() == 0


async def test_a_refused_page_token_asks_the_account_to_reconnect(run, fake):
    fake.on("GET", LEAD_URL, json_answer(EXPIRED_TOKEN, 400))
    connection = await subscribe()

    with pytest.raises(PermanentError):
        await run_lead(run, fake)

    assert (await FacebookToken.get(connection.id)).status is ConnectionStatus.RECONNECT_NEEDED


async def test_a_busy_graph_api_is_tried_again(run, fake):
    fake.on(
        "GET",
        LEAD_URL,
        json_answer({"error": {"message": "busy"}}, 503, {"retry-after": "0"}),
        json_answer(lead_answer("lead-1")),
    )
    await subscribe()

    answer = await run_lead(run, fake)

    assert len(fake.requests) == 2
    assert answer["contacts"][0]["created"] is True
