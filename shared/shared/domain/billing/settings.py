"""Billing's settings, read alike by the internal API (subscriptions made and changed) and the
queue manager (renewals, charges, dunning)."""

from typing import Annotated

from pydantic import Field, PositiveInt

from shared.utilities.settings import ServiceSettings, common


class BillingSettings(ServiceSettings):
    billing_retry_days: list[PositiveInt] = common(
        "BILLING_RETRY_DAYS",
        [1, 3, 5],
        "JSON list: days after each failed payment of an invoice before it is tried again; "
        "when they are used up the invoice is uncollectible and its plan unpaid",
    )
    billing_platform_fee: Annotated[int, Field(ge=0)] = common(
        "BILLING_PLATFORM_FEE",
        0,
        "what the platform charges an agency a month per active sub-account, in minor units of "
        "BILLING_PLATFORM_FEE_CURRENCY (QM_SUBSCRIPTION_CHARGE_MAINACCOUNT); 0 charges nothing",
    )
    billing_platform_fee_currency: str = common(
        "BILLING_PLATFORM_FEE_CURRENCY", "USD", "ISO 4217 currency of the platform's fee"
    )
