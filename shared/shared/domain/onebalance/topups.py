"""Credit bought by card: one off-session charge through the payments layer (the platform's own
Stripe account, the account's saved card) and, once it succeeded, the credit, both keyed by
the top-up's key so a retried top-up charges and credits once."""

from shared.domain.onebalance import ledgers
from shared.domain.onebalance.credits import credit
from shared.domain.onebalance.errors import CardDeclined, CardRequired
from shared.domain.onebalance.ledger import Recorded
from shared.domain.payments import repository as payments
from shared.domain.payments.customers import PLATFORM
from shared.domain.payments.provider import PaymentProvider
from shared.models.onebalance_movement import MovementKind
from shared.models.onebalance_wallet import OnebalanceWallet


async def top_up_by_card(
    provider: PaymentProvider,
    wallet: OnebalanceWallet,
    amount: int,
    key: str,
    kind: MovementKind = MovementKind.TOP_UP,
) -> Recorded:
    """CardRequired without a saved card, CardDeclined when the card is refused: the wallet
    is then unchanged."""
    customer = await payments.payment_customer(wallet.account_id, provider.name, PLATFORM)
    if customer is None or not customer.default_payment_method:
        raise CardRequired()
    result = await provider.charge_off_session(
        customer.customer_id,
        customer.default_payment_method,
        amount,
        wallet.currency,
        idempotency_key=f"onebalance:{key}",
        description=f"OneBalance {kind.value.replace('_', '-')}",
        metadata={"onebalance_wallet_id": str(wallet.id), "onebalance_key": key},
    )
    if not result.succeeded:
        raise CardDeclined(result.failure_message or CardDeclined.message)
    source = ledgers.card_payments(provider.name)
    return await credit(wallet, key, amount, kind, source, kind.value, result.reference)
