"""The `send_review_request` action: the run's contact (a deal's first contact) asked for a
review of the location, once inside the account's window."""

import httpx
import pytest

from queue_manager.triggers.actions import send_review_request
from shared.models.automation import SendReviewRequest
from shared.models.review_request import ReviewRequest
from tests.factories import create_contact, create_deal, create_pipeline, create_signed_in
from tests.queue_manager.triggers.factories import create_run
from tests.reputation_factories import create_location, create_page
from tests.shared.domain.held import holding


@pytest.fixture(autouse=True)
async def outbox(mongo):
    async with holding() as held:
        yield held


async def test_a_won_deals_contact_is_asked_once_inside_the_window(outbox):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    pipeline = await create_pipeline(owner.account, "Won")
    deal = await create_deal(pipeline, contact_ids=[contact.id])
    page = await create_page(await create_location(owner.account.id))
    action = SendReviewRequest(location_id=page.location_id)
    first_run = await create_run(owner.account, deal, [action])
    second_run = await create_run(owner.account, deal, [action])

    async with httpx.AsyncClient() as client:
        first = await send_review_request(action, first_run, client)
        second = await send_review_request(action, second_run, client)

    assert first[0] == "succeeded" and second == (
        "skipped",
        "the contact was asked for a review within the account's window",
    )
    requests = await ReviewRequest.find_all().sort("created_at").to_list()
    assert [(r.contact_id, r.status, r.origin) for r in requests] == [
        (contact.id, "sent", f"automation:{first_run.id}"),
        (contact.id, "suppressed", f"automation:{second_run.id}"),
    ]


async def test_a_completed_appointments_contact_is_asked(outbox):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    page = await create_page(await create_location(owner.account.id))
    action = SendReviewRequest(location_id=page.location_id)
    run = await create_run(
        owner.account, contact, [action], trigger="appointment.completed", subject={}
    )

    async with httpx.AsyncClient() as client:
        status, _ = await send_review_request(action, run, client)

    [request] = await ReviewRequest.find_all().to_list()
    assert (status, request.contact_id, request.origin) == (
        "succeeded",
        contact.id,
        f"automation:{run.id}",
    )
