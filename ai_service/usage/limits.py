"""The AI limits, held per account and per agency at once, so a sub-account cannot multiply
its agency's quota:

- requests per window: each request counts against the account's limit and its agency's;
- tokens per calendar month (UTC): before the model is called, the most tokens the request can
  use are reserved against the account's cap and the agency's in one atomic step, so parallel
  requests cannot together pass a cap. The most is an upper bound: the prompt's UTF-8 bytes (a
  byte-level BPE token is at least one byte) and a few framing tokens per message, plus the
  most the model may write (AI_SERVICE_MAX_OUTPUT_TOKENS, sent with the request). After the
  call the reservation is settled to the tokens the provider reports, or given back when the
  call failed;
- OneBalance: an account paying from a wallet is refused (402 `insufficient_balance`) before
  the model is called when the wallet cannot pay for that most, and the tokens used are
  charged to it through the queue once the call is recorded.

The counters live in Redis (`shared.utilities.quotas`); a month's are seeded from the stored
usage the first time they are needed, so a Redis restart forgets nothing. Every key of an
agency carries its id as a hash tag: one Redis Cluster slot per agency.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ai_service.provider import Message, Usage
from ai_service.usage.repository import UsageRepository
from shared.domain.onebalance.charging import require_cover
from shared.domain.onebalance.rates import MeteredAction
from shared.models.ai_usage import AiUsage
from shared.models.base import utc_now
from shared.utilities.auth import Principal
from shared.utilities.errors import PaymentRequired, RateLimited
from shared.utilities.outbox import enqueue_job
from shared.utilities.quotas import Counter, Quotas
from shared.utilities.task_names import ONEBALANCE_BALANCE_CHARGE_STREAM_CHARGE

# Tokens a chat template adds around each message, and to prime the answer (OpenAI's cookbook
# counts 3 to 4); 8 keeps the bound an upper one.
FRAMING_TOKENS = 8
# A month's counters outlive it by a day, so a request reserved before midnight settles after.
MONTH_GRACE = timedelta(days=1)


class MonthlyCapReached(PaymentRequired):
    """The account's or its agency's AI tokens for this month would be used up by this request."""

    code = "ai_monthly_cap_reached"
    message = "The AI tokens for this month are used up."


@dataclass(frozen=True)
class Limits:
    """Each 0 means no limit."""

    requests: int  # per window, per account
    agency_requests: int  # per window, over all of an agency's accounts
    window_seconds: int
    tokens: int  # per month, per account
    agency_tokens: int  # per month, over all of an agency's accounts
    max_output_tokens: int


def month_start(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month(start: datetime) -> datetime:
    if start.month == 12:
        return start.replace(year=start.year + 1, month=1)
    return start.replace(month=start.month + 1)


def most_prompt_tokens(messages: Sequence[Message], response_format: dict[str, Any] | None) -> int:
    """An upper bound on the tokens of the prompt: its text's bytes, the schema asked for (sent
    as part of it) and each message's framing."""
    text = sum(len(message.content.encode()) for message in messages)
    schema = len(json.dumps(response_format).encode()) if response_format else 0
    return text + schema + FRAMING_TOKENS * (len(messages) + 1)


class Meter:
    """One caller's limits, for one request."""

    def __init__(self, quotas: Quotas, limits: Limits, principal: Principal) -> None:
        self.quotas = quotas
        self.limits = limits
        self.principal = principal
        self.account_id = principal.account_id
        self.agency_id = principal.agency_id or principal.account_id

    def counters(self, kind: str, account_cap: int, agency_cap: int) -> list[Counter]:
        prefix = f"ai:{kind}:{{{self.agency_id}}}"
        return [
            Counter(f"{prefix}:account:{self.account_id}", account_cap, "account"),
            Counter(f"{prefix}:agency", agency_cap, "agency"),
        ]

    async def count_request(self, now: datetime | None = None) -> None:
        """Count this request against the account's window and its agency's (each starts at its
        first request); RateLimited when either is full, counting it against neither."""
        limits = self.limits
        counters = self.counters("requests", limits.requests, limits.agency_requests)
        expire_at = int((now or utc_now()).timestamp()) + limits.window_seconds
        refusal = await self.quotas.take(counters, 1, expire_at)
        if refusal is None:
            return
        whose = "This account" if refusal.counter.holder == "account" else "This agency's accounts"
        raise RateLimited(
            f"{whose} may make {refusal.counter.cap} AI requests per "
            f"{limits.window_seconds} seconds.",
            details=[{"limit": refusal.counter.holder, "requests": refusal.counter.cap}],
            headers={"Retry-After": str(refusal.seconds_left)},
        )

    async def reserve(
        self,
        messages: Sequence[Message],
        response_format: dict[str, Any] | None = None,
        now: datetime | None = None,
    ) -> "Reservation":
        """The most tokens the request can use, reserved against this month's caps;
        MonthlyCapReached when either cap cannot hold them."""
        start = month_start(now or utc_now())
        counters = self.counters(
            f"tokens:{start:%Y-%m}", self.limits.tokens, self.limits.agency_tokens
        )
        expire_at = int((next_month(start) + MONTH_GRACE).timestamp())
        await self.seed(counters, start, expire_at)
        prompt = most_prompt_tokens(messages, response_format)
        tokens = prompt + self.limits.max_output_tokens
        await require_cover(self.account_id, MeteredAction.AI_TOKENS, tokens)
        refusal = await self.quotas.take(counters, tokens, expire_at)
        if refusal is not None:
            raise cap_reached(refusal.counter, refusal.used, tokens, next_month(start))
        return Reservation(self, counters, prompt, tokens)

    async def seed(self, counters: list[Counter], start: datetime, expire_at: int) -> None:
        """Counters not counting yet start from the usage stored since the month began."""
        for counter in await self.quotas.missing(counters):
            owner = (
                UsageRepository.of_account(self.account_id)
                if counter.holder == "account"
                else UsageRepository.of_agency(self.agency_id)
            )
            tokens_in, tokens_out = await owner.totals_since(start)
            await self.quotas.seed(counter, tokens_in + tokens_out, expire_at)


def cap_reached(counter: Counter, used: int, tokens: int, renews_at: datetime) -> MonthlyCapReached:
    whose = "This account" if counter.holder == "account" else "This agency's accounts"
    return MonthlyCapReached(
        f"{whose} used {used:,} of the {counter.cap:,} AI tokens for this month, and this "
        f"request may need up to {tokens:,}; more are available from {renews_at:%Y-%m-%d}.",
        details=[
            {
                "limit": counter.holder,
                "tokens_used": used,
                "cap": counter.cap,
                "tokens_needed": tokens,
                "renews_at": renews_at.isoformat(),
            }
        ],
    )


@dataclass
class Reservation:
    """Tokens held for one call to the model until it is settled."""

    meter: Meter
    counters: list[Counter]
    prompt_tokens: int  # the bound on the prompt's part
    tokens: int

    async def spend(self, feature: str, model: str, usage: Usage) -> AiUsage:
        """Record what the call used, and settle the reservation to it."""
        await self.meter.quotas.adjust(self.counters, usage.tokens - self.tokens)
        return await self.record(feature, model, usage.tokens_in, usage.tokens_out)

    async def spend_all(self, feature: str, model: str) -> AiUsage:
        """The call used an unknown number of tokens (a stream cut off): the whole reservation
        counts, recorded as an estimate."""
        tokens_out = self.tokens - self.prompt_tokens
        return await self.record(feature, model, self.prompt_tokens, tokens_out, estimated=True)

    async def cancel(self) -> None:
        """The call failed before the model wrote anything: the tokens are given back."""
        await self.meter.quotas.adjust(self.counters, -self.tokens)

    async def record(
        self, feature: str, model: str, tokens_in: int, tokens_out: int, estimated: bool = False
    ) -> AiUsage:
        principal = self.meter.principal
        usage = await UsageRepository.of_account(principal.account_id).add(
            agency_id=self.meter.agency_id,
            user_id=principal.sub,
            feature=feature,
            model=model,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            estimated=estimated,
        )
        charge_tokens(usage)
        return usage


def charge_tokens(usage: AiUsage) -> None:
    """The tokens used, charged to the account's OneBalance wallet through the queue (once per
    usage, whatever happens to the job): the call has happened, so it is charged even past a
    zero balance; `reserve` refused it if the wallet could not cover its most."""
    enqueue_job(
        ONEBALANCE_BALANCE_CHARGE_STREAM_CHARGE,
        task_id=f"onebalance-ai:{usage.id}",
        account_id=str(usage.account_id),
        action=MeteredAction.AI_TOKENS.value,
        quantity=usage.tokens_in + usage.tokens_out,
        key=f"ai:{usage.id}",
        description=f"AI {usage.feature}, {usage.model}",
    )
