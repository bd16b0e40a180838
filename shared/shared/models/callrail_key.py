"""An account's CallRail connection: the API key (sealed) and the CallRail account it reads
(`external_id`, `ACC...` or numeric, used in API paths). `options["webhook_signing_key"]` holds
the company's webhook signing key, sealed too.

Written by the CallRail integration (external_api); read by misc/callrail_recordings.
"""

from shared.models.integration_credential import ApiKeyCredential


class CallrailKey(ApiKeyCredential):
    @property
    def callrail_account_id(self) -> str:
        return self.external_id

    class Settings:
        name = "callrail_keys"
