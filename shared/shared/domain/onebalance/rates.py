"""The platform's rate card and the agency's markup: what a metered action costs a wallet.

A rate is whole minor units per `per` units of the action (1 cent per SMS segment, 1 cent per
1,000 AI tokens). A charge's price is rounded once, by the money module's rule
(`shared.domain.payments.money`: half away from zero, to the minor unit): the platform's cost
from the rate card, and the total with the agency's markup (basis points on the cost); the
markup is their difference, so cost + markup is always the total charged."""

from dataclasses import dataclass
from enum import StrEnum

from shared.domain.onebalance.errors import UnpricedCurrency
from shared.domain.payments.money import share_of


class MeteredAction(StrEnum):
    SMS_SEGMENT = "sms_segment"
    EMAIL = "email"
    CALL_MINUTE = "call_minute"
    AI_TOKENS = "ai_tokens"
    NUMBER_RENTAL = "number_rental"  # a phone number, per month


@dataclass(frozen=True)
class Rate:
    amount: int  # minor units
    per: int = 1  # units of the action


# The platform's prices, per currency (its operators change them here).
RATE_CARD: dict[str, dict[MeteredAction, Rate]] = {
    currency: {
        MeteredAction.SMS_SEGMENT: Rate(1),
        MeteredAction.EMAIL: Rate(1),
        MeteredAction.CALL_MINUTE: Rate(2),
        MeteredAction.AI_TOKENS: Rate(1, per=1_000),
        MeteredAction.NUMBER_RENTAL: Rate(115),
    }
    for currency in ("USD", "EUR", "GBP", "CAD", "AUD")
}


@dataclass(frozen=True)
class Price:
    cost: int  # the platform's, from the rate card
    markup: int  # the agency's

    @property
    def total(self) -> int:
        return self.cost + self.markup


def rate_for(currency: str, action: MeteredAction) -> Rate:
    card = RATE_CARD.get(currency)
    if card is None:
        raise UnpricedCurrency(f"OneBalance has no rate card in {currency}.")
    return card[action]


def price_of(action: MeteredAction, quantity: int, currency: str, markup_bp: int) -> Price:
    rate = rate_for(currency, action)
    base = quantity * rate.amount
    cost = share_of(base, 1, rate.per)
    total = share_of(base, 10_000 + markup_bp, 10_000 * rate.per)
    return Price(cost=cost, markup=total - cost)
