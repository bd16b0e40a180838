"""OneBalance's crons: QM_ONEBALANCE_BALANCE_RELOAD reloads every wallet still below its
threshold once its window has passed (a crossing the stream missed, a card declined last
window); QM_ONEBALANCE_BALANCE_CHARGE finishes the charges a dead worker left pending and
charges this month's phone-number rentals, each once however often it runs."""

from queue_manager import payments
from queue_manager.celery import app
from shared.domain.onebalance import reload, settle
from shared.models.base import utc_now
from shared.utilities.task_names import (
    ONEBALANCE_BALANCE_CHARGE_SETTLE,
    ONEBALANCE_BALANCE_RELOAD_RELOAD_DUE,
)
from shared.utilities.worker import platform_task

# Wallets per run; what is left comes next run.
BATCH = 200


@platform_task(app, ONEBALANCE_BALANCE_RELOAD_RELOAD_DUE)
async def reload_due() -> dict[str, int]:
    return await reload.reload_due(payments.provider(), utc_now(), BATCH)


@platform_task(app, ONEBALANCE_BALANCE_CHARGE_SETTLE)
async def settle_charges() -> dict[str, int]:
    now = utc_now()
    finished = await settle.finish_stale(now, BATCH)
    rentals = await settle.charge_number_rentals(now, BATCH)
    return {"finished": finished, "rentals": rentals}
