"""An account's connection to Tipalti, the payer of its affiliates' payouts: its API app's
client secret and its API master key (the iFrame's signing key), sealed together in
`api_key` (one per line); `options` hold the app's `client_id` and the `payer_name`."""

from shared.models.integration_credential import ApiKeyCredential


class TipaltiKey(ApiKeyCredential):
    class Settings:
        name = "tipalti_keys"
