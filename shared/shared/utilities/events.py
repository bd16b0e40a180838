"""Platform events (`contact.created`, `deal.stage_changed`, `message.created`, ...) that
accounts subscribe webhooks to.

Any service publishes one with `publish_event`; it travels in the caller's outbox, so it leaves
only if the work succeeded, to the queue manager's `hooks.dispatch` task, which fans it out to
the account's subscriptions. The event id is the task id, so a redelivered event fans out once.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import HOOKS_DISPATCH


def publish_event(account_id: Any, event_type: str, data: dict[str, Any]) -> str:
    """Queue the event for the account's webhook subscriptions; returns its id."""
    event_id = f"evt_{uuid.uuid4().hex}"
    enqueue_job(
        HOOKS_DISPATCH,
        task_id=event_id,
        event={
            "id": event_id,
            "type": event_type,
            "account_id": str(account_id),
            "created_at": datetime.now(UTC).isoformat(),
            "data": data,
        },
    )
    return event_id
