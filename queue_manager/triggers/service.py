"""Running one automation run: its actions in order, each result saved as soon as it is known.

A run is done once (it leaves `pending` at the end); a run taken over after its worker died
resumes after the actions it had already recorded, so none is done twice. An action that fails
is recorded and the others still run: the run ends `failed`, naming what failed. A run of an
account that is suspended or deleted is held, and run once the account is active again
(`shared.domain.accounts.lifecycle`).
"""

from typing import Any

import httpx

from queue_manager.triggers import repository
from queue_manager.triggers.actions import run_action
from shared.domain.accounts.lifecycle import hold_if_closed
from shared.domain.accounts.repository import hold_run
from shared.models.automation_log import ActionStatus, AutomationLog, RunStatus
from shared.models.base import utc_now
from shared.utilities.worker import PermanentError


async def run_automation(log_id: str, client: httpx.AsyncClient) -> dict[str, Any]:
    # Looked up by id alone: the task acts for the platform on the run it was handed.
    log = await repository.run(log_id)
    if log is None:
        raise PermanentError(f"There is no automation run {log_id}.")
    if log.status is RunStatus.PENDING:
        if await hold_if_closed(log.account_id, lambda: hold_run(log.id)):
            log.status = RunStatus.HELD
            return summary(log)
        for action in log.actions[len(log.results) :]:
            log.results.append(await run_action(action, log, client))
            await log.save()
        await finish(log)
    return summary(log)


async def finish(log: AutomationLog) -> None:
    failures = [result for result in log.results if result.status is ActionStatus.FAILED]
    log.status = RunStatus.FAILED if failures else RunStatus.SUCCEEDED
    log.error = "; ".join(f"{result.type}: {result.detail}" for result in failures) or None
    log.finished_at = utc_now()
    await log.save()


def summary(log: AutomationLog) -> dict[str, Any]:
    return {
        "status": log.status.value,
        "results": [result.model_dump(mode="json") for result in log.results],
    }
