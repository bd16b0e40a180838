"""The charge cron's work: movements a dead process left pending finished (so the cache and the
ledger agree again), and each phone number's rental charged once per calendar month (UTC) to
its account's wallet, even past a zero balance (the number was held all the same)."""

from datetime import datetime, timedelta

from shared.domain.onebalance import ledger, repository
from shared.domain.onebalance.charging import Usage, charge
from shared.domain.onebalance.rates import MeteredAction
from shared.models.twilio_number import TwilioNumber

# A movement pending this long has lost its process (a charge takes milliseconds).
STALE_AFTER = timedelta(minutes=5)


async def finish_stale(now: datetime, limit: int) -> int:
    finished = 0
    for wallet in await repository.wallets_with_stale_pending(now - STALE_AFTER, limit):
        for pending in wallet.pending:
            if pending.movement["created_at"] < now - STALE_AFTER:
                await ledger.finish_pending(wallet, pending)
                finished += 1
    return finished


async def charge_number_rentals(now: datetime, limit: int) -> int:
    """How many rentals this run charged (those charged before are passed over)."""
    month = f"{now:%Y-%m}"
    charged = 0
    numbers = await repository.numbers_of_metered_accounts(None, limit)
    while numbers:
        for number in numbers:
            charged += await charge_rental(number, month)
        numbers = await repository.numbers_of_metered_accounts(numbers[-1].id, limit)
    return charged


async def charge_rental(number: TwilioNumber, month: str) -> bool:
    key = f"number:{number.id}:{month}"
    if await repository.movement_by_key(key) is not None:
        return False
    usage = Usage(MeteredAction.NUMBER_RENTAL, 1, key, f"{number.phone_number}, {month}")
    recorded = await charge(number.account_id, usage, overdraft=True)
    return bool(recorded and recorded.applied)
