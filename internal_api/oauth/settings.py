"""The authorization server's settings, read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class OAuthSettings(ServiceSettings):
    oauth_issuer: str = Field(
        "http://localhost:5000",
        pattern=r"^https?://[^/?#]+$",
        description="the platform's public base URL, no path: the authorization server's issuer "
        "(RFC 8414), where apps reach /v1/oauth/token and the metadata",
    )
    oauth_authorize_url: str = Field(
        "http://localhost:5000/oauth/authorize",
        description="the dashboard's consent page, where apps send users to authorize them",
    )
    oauth_access_token_seconds: int = Field(
        3600, ge=60, le=86400, description="how long an app's access token works"
    )
    oauth_refresh_token_days: int = Field(
        60, ge=1, le=365, description="how long an unused refresh token works (each use rotates it)"
    )
    oauth_code_seconds: int = Field(
        300, ge=30, le=600, description="how long an authorization code may wait to be exchanged"
    )
    api_key_max_days: int = Field(
        365, ge=1, le=3650, description="the longest a personal API key may be made to work"
    )
