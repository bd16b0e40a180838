"""An account's connection to SendGrid: its API key (sealed) and, in
`options["webhook_public_key"]`, the event webhook's verification key.
"""

from shared.models.integration_credential import ApiKeyCredential


class SendgridKey(ApiKeyCredential):
    class Settings:
        name = "sendgrid_keys"
