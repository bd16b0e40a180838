"""OneBalance's streams: queue `onebalance_balance_reload_stream`
(QM_ONEBALANCE_BALANCE_RELOAD_STREAM) reloads a wallet whose balance has just crossed its
threshold, and `onebalance_balance_charge_stream` (QM_ONEBALANCE_BALANCE_CHARGE_STREAM) charges
a usage that goes through the queue (an AI call's tokens), once however often the task runs
(`shared.domain.onebalance`). The payment provider is the worker's
(`queue_manager.payments`)."""

from queue_manager import payments
from queue_manager.celery import app
from shared.domain.onebalance.charging import Usage, charge
from shared.domain.onebalance.rates import MeteredAction
from shared.domain.onebalance.reload import reload
from shared.models.base import utc_now
from shared.utilities.task_names import (
    ONEBALANCE_BALANCE_CHARGE_STREAM_CHARGE,
    ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD,
)
from shared.utilities.worker import platform_task


@platform_task(app, ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD)
async def reload_wallet(wallet_id: str, account_id: str) -> dict[str, str]:
    outcome = await reload(payments.provider(), wallet_id, account_id, utc_now())
    return {"status": outcome.status, "detail": outcome.detail}


@platform_task(app, ONEBALANCE_BALANCE_CHARGE_STREAM_CHARGE)
async def charge_usage(
    account_id: str, action: str, quantity: int, key: str, description: str = ""
) -> dict[str, object]:
    """The usage has happened: it is recorded even past a zero balance."""
    usage = Usage(MeteredAction(action), quantity, key, description)
    recorded = await charge(account_id, usage, overdraft=True)
    if recorded is None:
        return {"charged": False, "reason": "the account has no wallet"}
    return {"charged": recorded.applied, "amount": -recorded.movement.amount}
