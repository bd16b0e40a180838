"""An account as a customer of a payment provider: the customer id (cus_...) a provider gave
for it in one Stripe account (the agency's connected account, or the platform's own: ""), made
once by `shared.domain.payments.customers.ensure_customer` and read back by every payment of the
account there."""

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class PaymentCustomer(TenantDocument):
    provider: str  # stripe, test
    connected_account: str  # acct_...; "" for the platform's own account
    customer_id: str  # cus_...
    # The card off-session charges use, once one is saved (pm_...).
    default_payment_method: str | None = None

    class Settings:
        name = "payment_customers"
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("provider", ASCENDING),
                    ("connected_account", ASCENDING),
                ],
                unique=True,
            ),
        ]
