"""Automation runs as `fire` stores them: pending, with a copy of the rule's actions."""

import asyncio

from beanie import PydanticObjectId

from shared.models.automation_log import AutomationLog, RunStatus

WAIT_SECONDS = 30


async def create_run(account, entity, actions, **overrides) -> AutomationLog:
    fields = {
        "account_id": account.id,
        "automation_id": PydanticObjectId(),
        "trigger": "contact.tag_added",
        "subject": {"tag": "vip"},
        "entity_type": type(entity).__name__.lower(),
        "entity_id": entity.id,
        "actions": actions,
    }
    return await AutomationLog(**{**fields, **overrides}).insert()


async def finished(run: AutomationLog) -> AutomationLog:
    """Wait (yielding to the worker's bodies on this loop) until the run has left pending."""
    async with asyncio.timeout(WAIT_SECONDS):
        while (stored := await AutomationLog.get(run.id)).status is RunStatus.PENDING:  # noqa: ASYNC110 (no change stream on mongomock)
            await asyncio.sleep(0.05)
    return stored
