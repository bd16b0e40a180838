"""An account's connection to Yext: its API key (sealed) and the Yext account id it reads
(`external_id`).
"""

from shared.models.integration_credential import ApiKeyCredential


class YextKey(ApiKeyCredential):
    class Settings:
        name = "yext_keys"
