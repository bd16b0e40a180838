"""A pipeline's board: its stages in order, each with its first open deals by position, their
count and value per currency, and that value converted into the account's currency.

Counts and totals come from one aggregation over the open deals the caller may see. Rates are
asked of the currency service only when some deal is in another currency than the account's.
When it gives none (down, slow, or without a rate for a currency), the board still answers:
the converted totals it cannot make are null and `unconverted` names the currencies.
"""

from dataclasses import dataclass

from beanie import PydanticObjectId

from internal_api.exchange_rates import ExchangeRates, Rates, RatesUnavailable
from shared.domain.deals.repository import DealRepository, StageTotal
from shared.models.deal import Deal
from shared.models.pipeline import Pipeline, Stage

# A board shows this many open deals per stage at most; its counts and totals cover them all.
DEALS_PER_STAGE = 100


@dataclass(frozen=True)
class Column:
    stage: Stage
    deals: list[Deal]
    totals: list[StageTotal]  # one per currency, by currency code
    converted_total: int | None

    @property
    def id(self) -> PydanticObjectId:
        return self.stage.id

    @property
    def name(self) -> str:
        return self.stage.name

    @property
    def count(self) -> int:
        return sum(total.count for total in self.totals)


@dataclass(frozen=True)
class Board:
    pipeline: Pipeline
    currency: str  # what the totals are converted into
    rates: Rates | None  # those the conversion used, if it needed any
    unconverted: list[str]
    stages: list[Column]

    @property
    def id(self) -> PydanticObjectId | None:
        return self.pipeline.id

    @property
    def name(self) -> str:
        return self.pipeline.name


async def board_of(
    pipeline: Pipeline, deals: DealRepository, currency: str, exchange: ExchangeRates
) -> Board:
    """The board as `deals` (the caller's visible ones) show it, totals in `currency` too."""
    totals = sorted(await deals.open_totals(pipeline.id), key=lambda total: total.currency)
    rates = await rates_needed(totals, currency, exchange)
    unconverted = sorted({t.currency for t in totals if converted(t, currency, rates) is None})
    stages = []
    for stage in pipeline.stages:
        own = [total for total in totals if total.stage_id == stage.id]
        shown = await deals.open_on_stage(stage.id, DEALS_PER_STAGE)
        stages.append(Column(stage, shown, own, converted_sum(own, currency, rates)))
    return Board(pipeline, currency, rates, unconverted, stages)


async def rates_needed(
    totals: list[StageTotal], currency: str, exchange: ExchangeRates
) -> Rates | None:
    """Rates into `currency` when some total is in another one and the service gives them."""
    if all(total.currency == currency for total in totals):
        return None
    try:
        return await exchange.rates_into(currency)
    except RatesUnavailable:
        return None


def converted(total: StageTotal, currency: str, rates: Rates | None) -> int | None:
    if total.currency == currency:
        return total.value
    return rates.convert(total.value, total.currency) if rates else None


def converted_sum(totals: list[StageTotal], currency: str, rates: Rates | None) -> int | None:
    """The totals' sum in `currency`; None when one of them cannot be converted."""
    values = [converted(total, currency, rates) for total in totals]
    return None if None in values else sum(value or 0 for value in values)
