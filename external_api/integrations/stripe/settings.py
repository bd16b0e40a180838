from pydantic import Field, PositiveInt, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StripeSettings(BaseSettings):
    """The platform's Stripe Connect application."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_STRIPE_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api.stripe.com/v1", description="Stripe's API base URL")
    secret_key: SecretStr = Field(
        SecretStr(""), description="the platform's secret key; calls act on connected accounts"
    )
    client_id: str = Field("", description="the Connect application's client id (ca_...)")
    authorize_url: str = Field(
        "https://connect.stripe.com/oauth/authorize", description="Stripe Connect's consent page"
    )
    token_url: str = Field(
        "https://connect.stripe.com/oauth/token", description="Stripe Connect's token endpoint"
    )
    webhook_secret: SecretStr = Field(
        SecretStr(""), description="the Connect webhook endpoint's signing secret (whsec_...)"
    )
    platform_webhook_secret: SecretStr = Field(
        SecretStr(""),
        description="the signing secret (whsec_...) of the endpoint for the platform's own "
        "account's events (its fee charged to agencies); empty refuses them",
    )
    webhook_tolerance_seconds: PositiveInt = Field(
        300, description="how far a Stripe-Signature's timestamp may be from now"
    )
