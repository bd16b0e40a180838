"""An account's Stripe Connect connection: its OAuth tokens (sealed) and the connected Stripe
account's id (`external_id`, acct_...), which calls name in `Stripe-Account` and Connect
webhooks carry in `account`."""

from pymongo import ASCENDING, IndexModel

from shared.models.integration_credential import OAuthCredential


class StripeToken(OAuthCredential):
    class Settings:
        name = "stripe_tokens"
        indexes = [
            IndexModel([("external_id", ASCENDING)]),
            # Billing's check of new connections (QM_BILLING_NEW_AUTH), by when they changed.
            IndexModel([("updated_at", ASCENDING)]),
        ]
