"""What each reputation task does. A new review: alerts at or below the threshold, then the
approved auto-reply for 4-5 stars (posted to Google through the external API, recorded for a
manual review). Syncs: the external API reads what changed. A request: its message sent to
the contact through the notification service, which applies the contact's preferences."""

from datetime import datetime, timedelta

from beanie import PydanticObjectId

from queue_manager.celery import settings
from queue_manager.reputation import repository
from queue_manager.siblings import (
    answer_of,
    error_code,
    external_api,
    notifications,
    refused,
)
from shared.domain.accounts.repository import account as account_of
from shared.domain.reviews.alerts import alert_on, send_due_digests
from shared.domain.reviews.replies import auto_reply_due, filled
from shared.domain.reviews.repository import google_locations_due, settings_of
from shared.domain.reviews.writing import record_reply
from shared.models.reputation_settings import ReputationSettings
from shared.models.review import ReplyOrigin, Review, ReviewSource
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import REPUTATION_SYNC_FACEBOOK, REPUTATION_SYNC_LOCATION

NOT_CONNECTED = frozenset({"not_connected", "reconnect_needed"})
SWEEP_BATCH = 500


async def on_review_added(account_id: str, review_id: str) -> dict:
    review = await repository.review(account_id, review_id)
    if review is None:
        return {"skipped": "the review no longer exists"}
    reputation = await settings_of(account_id)
    alerted = await alert_on(review, reputation)
    return {
        "alerted": [str(user) for user in alerted],
        "auto_reply": await auto_reply(review, reputation),
    }


async def auto_reply(review: Review, reputation: ReputationSettings) -> str:
    if reputation.auto_reply_template_id is None:
        return "off"
    if not auto_reply_due(review, reputation.auto_reply_min_rating):
        return "not due"
    template = await repository.template(review.account_id, reputation.auto_reply_template_id)
    if template is None or not template.approved:
        return "no approved template"
    account = await account_of(review.account_id)
    text = filled(template, review, account.name if account else "")
    if review.provider == ReviewSource.MANUAL:
        await record_reply(review, text, ReplyOrigin.AUTO)
        return "recorded"
    if review.provider != ReviewSource.GOOGLE:
        return "not possible for this source"
    path = f"/v1/e/google-business/accounts/{review.account_id}/reviews/{review.id}/reply"
    body = {"comment": text, "origin": ReplyOrigin.AUTO.value}
    response = await answer_of(external_api(), "PUT", path, json=body)
    if response.is_error:
        # Google's refusal (or a connection gone) leaves the review for a person to answer.
        return f"refused: {error_code(response) or response.status_code}"
    return "posted"


async def sync(path: str) -> dict:
    response = await answer_of(external_api(), "POST", path)
    if response.status_code == 409 and error_code(response) in NOT_CONNECTED:
        return {"skipped": error_code(response)}
    if response.is_error:
        raise refused(response, "the external API refused the sync")
    return response.json()


async def sync_location(account_id: str, location_id: str) -> dict:
    path = f"/v1/e/google-business/accounts/{account_id}/locations/{location_id}/reviews/sync"
    return await sync(path)


async def sync_facebook(account_id: str) -> dict:
    return await sync(f"/v1/e/facebook/accounts/{account_id}/recommendations/sync")


async def send_request(account_id: str, request_id: str) -> dict:
    found = await repository.request_to_send(PydanticObjectId(account_id), request_id)
    if found is None:
        return {"skipped": "the request, its contact or its page is gone"}
    request, contact, page = found
    body = {
        "event": "review_request",
        "account_id": account_id,
        "contact_id": str(contact.id),
        "data": {
            "business_name": page.title,
            "contact_name": contact.first_name or "there",
            "review_url": page.short_url,
        },
    }
    response = await answer_of(
        notifications(), "POST", f"/v1/notifications/{request.channel}", json=body
    )
    if response.is_error:
        raise refused(response, "the notification service refused the review request")
    delivery = response.json()
    request.delivery_id, request.delivery_status = delivery["id"], delivery["status"]
    await request.save()
    return {"delivery_id": delivery["id"], "status": delivery["status"]}


def bucket(now: datetime, every: timedelta) -> int:
    """The sync period `now` falls in: one sync job per source and period."""
    return int(now.timestamp() // every.total_seconds())


async def sweep(now: datetime) -> dict:
    """The Google locations and Facebook Pages due a sync, and the digests due."""
    every = timedelta(minutes=settings.reputation_sync_minutes)
    period = bucket(now, every)
    locations = await google_locations_due(now - every, SWEEP_BATCH)
    for location in locations:
        enqueue_job(
            REPUTATION_SYNC_LOCATION,
            task_id=f"reputation-sync:{location.id}:{period}",
            account_id=str(location.account_id),
            location_id=str(location.id),
        )
    pages = await repository.facebook_accounts(SWEEP_BATCH)
    for account_id in pages:
        enqueue_job(
            REPUTATION_SYNC_FACEBOOK,
            task_id=f"reputation-facebook:{account_id}:{period}",
            account_id=str(account_id),
        )
    digests = await send_due_digests(now, SWEEP_BATCH)
    return {"locations": len(locations), "facebook": len(pages), "digests": digests}
