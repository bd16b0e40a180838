"""Rotating an endpoint's secret: a new one answered once, the old one kept for the overlap."""

from datetime import timedelta

from shared.models.base import utc_now
from shared.models.webhook_subscription import WebhookSubscription
from tests.factories import create_signed_in
from tests.internal_api.webhooks.conftest import WEBHOOKS
from tests.queue_manager.webhooks.factories import create_subscription, secret_box, secret_of


async def test_rotating_answers_a_new_secret_and_keeps_the_old_one_for_the_overlap(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)
    before = utc_now()

    response = await api.post(
        f"{WEBHOOKS}/{endpoint.id}/rotate-secret",
        json={"overlap_seconds": 3600},
        headers=admin.headers,
    )

    assert response.status_code == 200
    stored = await WebhookSubscription.get(endpoint.id)
    assert response.json()["secret"] == secret_of(stored) != secret_of(endpoint)
    assert secret_box().open(stored.sealed_previous_secret) == secret_of(endpoint)
    assert before + timedelta(seconds=3600) <= stored.previous_secret_expires_at
    assert stored.previous_secret_expires_at <= utc_now() + timedelta(seconds=3600)


async def test_the_overlap_is_a_day_when_not_given(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)

    await api.post(f"{WEBHOOKS}/{endpoint.id}/rotate-secret", headers=admin.headers)

    stored = await WebhookSubscription.get(endpoint.id)
    overlap = stored.previous_secret_expires_at - stored.updated_at
    assert timedelta(hours=23, minutes=59) < overlap <= timedelta(days=1)


async def test_an_overlap_longer_than_a_week_is_refused(api):
    admin = await create_signed_in()
    endpoint = await create_subscription(admin.account)

    response = await api.post(
        f"{WEBHOOKS}/{endpoint.id}/rotate-secret",
        json={"overlap_seconds": 8 * 24 * 3600},
        headers=admin.headers,
    )

    assert response.status_code == 422
    assert secret_of(await WebhookSubscription.get(endpoint.id)) == secret_of(endpoint)


async def test_rotating_another_accounts_secret_answers_404(api):
    admin = await create_signed_in()
    elsewhere = await create_subscription((await create_signed_in()).account)

    response = await api.post(f"{WEBHOOKS}/{elsewhere.id}/rotate-secret", headers=admin.headers)

    assert response.status_code == 404
    assert secret_of(await WebhookSubscription.get(elsewhere.id)) == secret_of(elsewhere)
