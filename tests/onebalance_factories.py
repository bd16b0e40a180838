"""OneBalance's test data: wallets with a balance, and a saved card for an account."""

from shared.domain.onebalance import credits
from shared.domain.onebalance.wallets import open_wallet
from shared.domain.payments.customers import PLATFORM
from shared.models.account import Account
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.models.payment_customer import PaymentCustomer


async def create_wallet(account: Account, balance: int = 0, **fields) -> OnebalanceWallet:
    """The account's wallet holding `balance` (USD cents), credited as the agency would."""
    wallet = await open_wallet(account, fields.pop("currency", "USD"))
    if fields:
        await wallet.set(fields)
    if balance:
        await credits.agency_credit(wallet, f"seed:{wallet.id}", balance, "opening credit")
    return await OnebalanceWallet.get(wallet.id)


async def save_card(account: Account, card: str = "pm_card_visa") -> PaymentCustomer:
    """The account as the test payment provider's customer, `card` its default."""
    return await PaymentCustomer(
        account_id=account.id,
        provider="test",
        connected_account=PLATFORM,
        customer_id=f"cus_test_{account.id}",
        default_payment_method=card,
    ).insert()
