from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class GoogleSettings(BaseSettings):
    """One Google OAuth client serves Analytics, Ads and Business Profile; each API's base URL
    is a setting so tests and staging point it elsewhere."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_GOOGLE_", env_file=".env", extra="ignore"
    )

    client_id: str = Field("", description="the platform's Google OAuth client id")
    client_secret: SecretStr = Field(SecretStr(""), description="its secret")
    authorize_url: str = Field(
        "https://accounts.google.com/o/oauth2/v2/auth", description="Google's consent page"
    )
    token_url: str = Field("https://oauth2.googleapis.com/token", description="token endpoint")
    revoke_url: str = Field("https://oauth2.googleapis.com/revoke", description="revocation")
    analytics_data_url: str = Field(
        "https://analyticsdata.googleapis.com", description="the GA4 Data API"
    )
    ads_url: str = Field("https://googleads.googleapis.com", description="the Google Ads API")
    ads_api_version: str = Field("v26", description="the Google Ads API version in paths")
    ads_developer_token: SecretStr = Field(
        SecretStr(""), description="the platform's Google Ads developer token"
    )
    business_information_url: str = Field(
        "https://mybusinessbusinessinformation.googleapis.com",
        description="Business Profile locations",
    )
    business_reviews_url: str = Field(
        "https://mybusiness.googleapis.com", description="Business Profile reviews (v4)"
    )
    business_push_token: SecretStr = Field(
        SecretStr(""),
        description="the secret `token` query parameter of the Pub/Sub push subscription that "
        "delivers Business Profile's review notifications; empty: notifications are refused",
    )
    calendar_url: str = Field(
        "https://www.googleapis.com", description="the Calendar API (freeBusy)"
    )
