"""Queue `hooks` (QM_HOOKS): platform events (`shared.utilities.events.publish_event`) fanned
out to the accounts' webhook endpoints.

An event of a suspended or deleted account still gets its deliveries, held rather than sent:
on reactivation they come due and the `webhook_retries` cron sends them, in their endpoints'
pace (`shared.domain.accounts.lifecycle`). A delivery queued before the suspension is held
when its turn comes (`webhooks.delivery.deliver`), so nothing goes out while suspended and
nothing is lost."""

import asyncio
from typing import Any

from beanie import PydanticObjectId

from queue_manager.celery import app
from queue_manager.webhooks.delivery import attempt
from queue_manager.webhooks.dispatch import create_deliveries
from queue_manager.webhooks.worker import booked_wait, send_in_slot, sending
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.lifecycle import hold_if_closed
from shared.utilities.task_names import HOOKS_DISPATCH
from shared.utilities.worker import platform_task


@platform_task(app, HOOKS_DISPATCH)
async def dispatch(event: dict[str, Any]) -> dict:
    """One delivery per endpoint subscribed to the event. An endpoint with a free slot in its
    pace is sent its first attempt here, all endpoints at once (no task more per delivery);
    the others get `webhook.deliver` in their slot, the delivery's id as task id, so a delivery
    is sent once however often it is fanned out. A dispatch run again after a crash may repeat
    a first attempt it made but did not record: receivers tell repeats by `webhook-id`."""
    pending = await create_deliveries(event)
    ids = [delivery.id for delivery, _ in pending]
    if pending and await hold_if_closed(
        PydanticObjectId(event["account_id"]), lambda: accounts.hold_deliveries(ids)
    ):
        return {"deliveries": [str(delivery_id) for delivery_id in ids], "held": len(ids)}
    means = sending()
    now, paced = [], 0
    for delivery, endpoint in pending:
        if wait := await booked_wait(endpoint.id):
            send_in_slot(delivery, str(delivery.id), wait)
            paced += 1
        else:
            now.append(attempt(delivery, endpoint, means.client, means.box, means.retry_delays))
    await asyncio.gather(*now)
    return {"deliveries": [str(delivery.id) for delivery, _ in pending], "paced": paced}
