"""Review requests: sent through the reputation queue with their message asked for once, and
suppressed when the contact was asked within the account's window."""

from datetime import UTC, datetime, timedelta

import pytest

from shared.domain.reviews.errors import ContactUnreachable, NoReviewPage
from shared.domain.reviews.requests import request_review
from shared.models.reputation_settings import ReputationSettings
from shared.models.review_request import RequestStatus, ReviewRequest
from tests.factories import create_account, create_contact
from tests.reputation_factories import create_location, create_page

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)


async def asked(outbox) -> list[dict]:
    return [job.kwargs for job in outbox.jobs if job.name == "reputation.send_request"]


async def test_a_request_is_sent_through_the_reputation_queue(outbox):
    account = await create_account()
    contact = await create_contact(account)
    page = await create_page(await create_location(account.id))

    request = await request_review(contact, page.location_id, "email", "user:u1", NOW)

    assert request.status is RequestStatus.SENT
    assert await asked(outbox) == [{"account_id": str(account.id), "request_id": str(request.id)}]


async def test_a_request_inside_the_window_is_suppressed_and_sends_nothing(outbox):
    account = await create_account()
    await ReputationSettings(account_id=account.id, request_window_days=30).insert()
    contact = await create_contact(account, phones=["+14155550100"])
    page = await create_page(await create_location(account.id))
    await request_review(contact, page.location_id, "email", "user:u1", NOW)

    again = await request_review(
        contact, page.location_id, "sms", "automation:r1", NOW + timedelta(days=29)
    )

    assert again.status is RequestStatus.SUPPRESSED
    assert len(await asked(outbox)) == 1
    statuses = [r.status for r in await ReviewRequest.find_all().sort("created_at").to_list()]
    assert statuses == [RequestStatus.SENT, RequestStatus.SUPPRESSED]


async def test_a_request_after_the_window_is_sent_again(outbox):
    account = await create_account()
    await ReputationSettings(account_id=account.id, request_window_days=30).insert()
    contact = await create_contact(account)
    page = await create_page(await create_location(account.id))
    await request_review(contact, page.location_id, "email", "user:u1", NOW)

    later = await request_review(
        contact, page.location_id, "email", "user:u1", NOW + timedelta(days=31)
    )

    assert later.status is RequestStatus.SENT
    assert len(await asked(outbox)) == 2


async def test_a_contact_without_a_phone_cannot_be_asked_by_sms_and_nothing_is_recorded(outbox):
    account = await create_account()
    contact = await create_contact(account, phones=[])
    page = await create_page(await create_location(account.id))

    with pytest.raises(ContactUnreachable) as refused:
        await request_review(contact, page.location_id, "sms", "user:u1", NOW)

    assert refused.value.code == "contact_unreachable"
    assert await ReviewRequest.find_all().count() == 0


async def test_a_location_without_a_review_page_is_refused(outbox):
    account = await create_account()
    contact = await create_contact(account)
    location = await create_location(account.id)

    with pytest.raises(NoReviewPage):
        await request_review(contact, location.id, "email", "user:u1", NOW)

    assert await asked(outbox) == []
