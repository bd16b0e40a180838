"""An account's connection to Twilio: the Account SID (`external_id`) and its Auth Token
(`api_key`, sealed), which also signs Twilio's callbacks.
"""

from shared.models.integration_credential import ApiKeyCredential


class TwilioKey(ApiKeyCredential):
    class Settings:
        name = "twilio_keys"
