"""An account's CallTrackingMetrics connection: the API secret key (sealed; it also signs the
account's webhooks), the access key it goes with (`options["access_key"]`, CTM's user name of
the pair) and the CTM account it reads (`external_id`, numeric, used in API paths).

Written by the CallTrackingMetrics integration (external_api); read by misc/callrail_recordings.
"""

from shared.models.integration_credential import ApiKeyCredential

ACCESS_KEY = "access_key"


class CtmKey(ApiKeyCredential):
    @property
    def ctm_account_id(self) -> str:
        return self.external_id

    @property
    def access_key(self) -> str:
        return str(self.options.get(ACCESS_KEY, ""))

    class Settings:
        name = "calltrackingmetrics_keys"
