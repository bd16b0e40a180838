from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class TipaltiSettings(BaseSettings):
    """Production by default; the sandbox's are `https://api-sb.tipalti.com` and
    `https://ui2.sandbox.tipalti.com/payeedashboard/home`. The token endpoint is the API's
    identity host beside it (`sso.tipalti.com`, the sandbox's `sso.sandbox.tipalti.com`)."""

    model_config = SettingsConfigDict(
        env_prefix="EXTERNAL_API_TIPALTI_", env_file=".env", extra="ignore"
    )

    api_url: str = Field("https://api-p.tipalti.com", description="Tipalti's REST API")
    iframe_url: str = Field(
        "https://ui2.tipalti.com/payeedashboard/home",
        description="the payee onboarding iFrame's page",
    )
