"""Call minutes: a completed call on one of the account's Twilio numbers charged to its wallet
at the rate card's `call_minute` (plus the agency's markup), once per call.

The rounding rule for calls: a call is billed in whole minutes, each minute begun counted whole
(61 seconds are 2 minutes), as the carriers bill them; a call that never connected (0 seconds)
costs nothing. The price of those minutes is then rounded once by the money module's rule, like
every other charge. The call happened already when its end is reported, so the charge is taken
even past a zero balance (like a number's rental); its key is `call:<Twilio's CallSid>`, so a
callback or a task that repeats charges it once."""

import math

from beanie import PydanticObjectId

from shared.domain.onebalance.charging import Usage, charge
from shared.domain.onebalance.ledger import Recorded
from shared.domain.onebalance.rates import MeteredAction


def call_minutes(seconds: int) -> int:
    """The minutes billed for a call of `seconds`: every minute begun is a whole one."""
    if seconds < 0:
        raise ValueError("a call lasts no negative time")
    return math.ceil(seconds / 60)


def call_key(call_sid: str) -> str:
    return f"call:{call_sid}"


async def charge_call(
    account_id: str | PydanticObjectId, call_sid: str, seconds: int, description: str
) -> Recorded | None:
    """The call's minutes charged once (None: no wallet, or a call of no minutes)."""
    minutes = call_minutes(seconds)
    if minutes == 0:
        return None
    usage = Usage(MeteredAction.CALL_MINUTE, minutes, call_key(call_sid), description)
    return await charge(account_id, usage, overdraft=True)
