from typing import ClassVar

from pydantic import Field, PositiveFloat, SecretStr
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class AiServiceSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="AI_SERVICE_")

    service_name: ClassVar[str] = "ai_service"
    port: Port = 5010

    # Any OpenAI-compatible server works: point the base URL and model at it.
    openai_api_key: SecretStr = Field(
        SecretStr(""), description="API key of the model provider; empty turns AI features off"
    )
    openai_base_url: str = Field(
        "https://api.openai.com/v1", description="base URL of an OpenAI-compatible API"
    )
    openai_model: str = Field("gpt-4o-mini", description="model every AI feature uses")
    openai_timeout_seconds: PositiveFloat = Field(
        60, description="seconds the provider may take to answer before we answer 504"
    )
    openai_max_retries: int = Field(
        2, ge=0, description="retries, with backoff, of a provider's 429, 5xx or timeout"
    )
    rate_limit_requests: int = Field(
        60, ge=0, description="AI requests one account may make per window; 0: no limit"
    )
    agency_rate_limit_requests: int = Field(
        300,
        ge=0,
        description="AI requests an agency's accounts together may make per window; 0: no limit",
    )
    rate_limit_window_seconds: int = Field(60, gt=0, description="the rate limit's window")
    monthly_token_cap: int = Field(
        1_000_000, ge=0, description="tokens (in and out) one account may use per month; 0: no cap"
    )
    agency_monthly_token_cap: int = Field(
        5_000_000,
        ge=0,
        description="tokens an agency's accounts together may use per month; 0: no cap",
    )
    max_output_tokens: int = Field(
        2048, gt=0, le=1_000_000, description="most tokens the model may write in one answer"
    )
