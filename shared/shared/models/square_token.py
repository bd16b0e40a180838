"""An account's Square connection: its OAuth tokens (sealed) and the Square seller's merchant id
(`external_id`), which Square's webhooks name in `merchant_id`."""

from pymongo import ASCENDING, IndexModel

from shared.models.integration_credential import OAuthCredential


class SquareToken(OAuthCredential):
    class Settings:
        name = "square_tokens"
        # The accounts connected to one merchant, found from its webhooks.
        indexes = [IndexModel([("external_id", ASCENDING)])]
