"""The one interface through which anything on the platform takes money (billing of
sub-accounts, the store, OneBalance top-ups): a `PaymentProvider` (`provider.py`) with two
implementations, Stripe's REST API over httpx (`stripe.py`, Stripe Connect: the agency's
connected account in `Stripe-Account`, an `Idempotency-Key` on every POST) and the
`TestPaymentProvider` (`test_provider.py`, embedded mode only). `settings.py` says which one a
process gets; `money.py` holds the one rounding rule; `customers.py` the one customer per
account and Stripe account.

Card details never reach the platform: cards are collected by Stripe.js against a SetupIntent's
client secret (or Stripe Checkout), and the platform only holds the ids Stripe gives back."""
