"""The benchmark's tasks, imported by the worker it starts (`--include`): bodies that do
nothing, so what is measured is the queue (`bench.bare`, a plain Celery task: broker, ack,
result stored in Redis) and the task runtime around it (`bench.noop`: its TaskRun claimed and
completed in MongoDB, an outbox, the result)."""

from queue_manager.celery import app
from shared.utilities.task_names import NoArguments, TaskName
from shared.utilities.worker import platform_task

QUEUE = "bench"
BARE = f"{QUEUE}.bare"
NOOP = f"{QUEUE}.noop"


@app.task(name=BARE)
def bare() -> None:
    return None


@platform_task(app, TaskName(NOOP, NoArguments))
async def noop() -> None:
    return None
