from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class FcmSettings(BaseSettings):
    """The platform's Firebase project. Without its service account, push answers 503
    `fcm_not_configured` (the notifications service then holds push in its outbox)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_FCM_", env_file=".env", extra="ignore"
    )

    project_id: str = Field("", description="the Firebase project push is sent through")
    service_account_json: SecretStr = Field(
        SecretStr(""), description="the Firebase service account's JSON key; empty: push off"
    )
    api_url: str = Field("https://fcm.googleapis.com", description="FCM's API")

    def configured(self) -> bool:
        return bool(self.project_id and self.service_account_json.get_secret_value())
