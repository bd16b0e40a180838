"""One customer per account in each Stripe account it pays in, made once: the customer id is
kept (`PaymentCustomer`), and made with the idempotency key `customer:<stripe account>:<account>`
so two callers racing make one customer at the provider too."""

from shared.domain.payments import repository
from shared.domain.payments.provider import CustomerDetails, PaymentProvider
from shared.models.account import Account
from shared.models.payment_customer import PaymentCustomer

PLATFORM = ""  # the platform's own Stripe account, as `connected_account` is stored


async def ensure_customer(
    provider: PaymentProvider,
    account: Account,
    email: str | None,
    connected_account: str | None = None,
) -> PaymentCustomer:
    assert account.id is not None, "a stored account"
    where = connected_account or PLATFORM
    known = await repository.payment_customer(account.id, provider.name, where)
    if known is not None:
        return known
    details = CustomerDetails(email, account.name, {"account_id": str(account.id)})
    key = f"customer:{where or 'platform'}:{account.id}"
    customer_id = await provider.create_customer(details, key, connected_account)
    made = PaymentCustomer(
        account_id=account.id,
        provider=provider.name,
        connected_account=where,
        customer_id=customer_id,
    )
    return await repository.insert_payment_customer(made)
