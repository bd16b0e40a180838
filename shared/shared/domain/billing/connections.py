"""QM_BILLING_NEW_AUTH: each Stripe connection made or renewed since the last check (an agency
connecting its Stripe account, or connecting it again) is asked whether it can take charges,
and billing keeps the answer (`BillingConnection`): sub-accounts are subscribed through it only
once it can."""

from datetime import datetime

from shared.domain.billing import repository
from shared.domain.payments.provider import PaymentProvider
from shared.models.billing_connection import BillingConnection


async def check_new_connections(provider: PaymentProvider, now: datetime, batch: int) -> int:
    """Returns how many connections were checked."""
    since = await repository.latest_connection_check()
    checked = 0
    for token in await repository.stripe_connections_since(since, batch):
        assert token.external_id is not None, "selected by its connected account"
        status = await provider.account_status(token.external_id)
        await repository.save_connection(
            BillingConnection(
                account_id=token.account_id,
                connected_account=token.external_id,
                charges_enabled=status.charges_enabled,
                country=status.country,
                default_currency=status.default_currency,
                checked_at=max(now, token.updated_at),
            )
        )
        checked += 1
    return checked
