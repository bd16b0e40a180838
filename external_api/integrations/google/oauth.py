"""Google's OAuth 2.0 for web server apps, with PKCE; offline access so a refresh token comes."""

from collections.abc import Callable

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow
from external_api.settings import ExternalApiSettings

# Google sends a refresh token only with access_type=offline, and again on a reconnect only
# when the consent screen is shown (prompt=consent).
OFFLINE_CONSENT = {"access_type": "offline", "prompt": "consent", "include_granted_scopes": "true"}


def google_oauth(*scopes: str) -> Callable[[ExternalApiSettings, ProviderHttp], OAuthFlow]:
    """The flow for a Google API asking these scopes."""

    def flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
        google = settings.google
        app = OAuthApp(
            client_id=google.client_id,
            client_secret=google.client_secret.get_secret_value(),
            authorize_url=google.authorize_url,
            token_url=google.token_url,
            revoke_url=google.revoke_url,
            scopes=scopes,
            pkce=True,
            authorize_params=OFFLINE_CONSENT,
        )
        return OAuthFlow(app, http)

    return flow
