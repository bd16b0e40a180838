"""`fire`: the runs a trigger sets off, stored pending and queued for the queue manager.

    await fire(account_id, "contact.tag_added", {"tag": "vip"}, "contact", contact.id)

Each run's id is its task id, and the task is sent with the caller's outbox once its work has
succeeded, so a failed request fires nothing.
"""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.domain.automations.repository import AutomationRepository, RunRepository
from shared.models.automation_log import AutomationLog
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import TRIGGERS_RUN_AUTOMATION


async def fire(
    account_id: str | PydanticObjectId,
    trigger: str,
    subject: Mapping[str, Any],
    entity_type: str,
    entity_id: PydanticObjectId,
) -> list[AutomationLog]:
    """A pending run for each enabled rule of the account watching `trigger` with these
    fields. Ids in `subject` are ObjectIds, as the rules store them."""
    runs = RunRepository(account_id)
    stored = [
        await runs.create(
            automation_id=rule.id,
            trigger=trigger,
            subject={field: str(value) for field, value in subject.items()},
            entity_type=entity_type,
            entity_id=entity_id,
            actions=rule.actions,
        )
        for rule in await AutomationRepository(account_id).watching(trigger, subject)
    ]
    for run in stored:
        enqueue_job(TRIGGERS_RUN_AUTOMATION, task_id=str(run.id), log_id=str(run.id))
    return stored
