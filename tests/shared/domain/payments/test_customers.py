"""One customer per account and Stripe account, made once."""

from shared.domain.payments.customers import ensure_customer
from shared.models.payment_customer import PaymentCustomer
from tests.factories import create_account


async def test_an_account_is_made_a_customer_once(local):
    account = await create_account()

    first = await ensure_customer(local, account, "a@acme.example", "acct_1")
    again = await ensure_customer(local, account, "a@acme.example", "acct_1")

    assert again.customer_id == first.customer_id
    assert await PaymentCustomer.find({"account_id": account.id}).count() == 1


async def test_another_stripe_account_makes_another_customer(local):
    account = await create_account()

    first = await ensure_customer(local, account, None, "acct_1")
    other = await ensure_customer(local, account, None, "acct_2")

    assert other.customer_id != first.customer_id
