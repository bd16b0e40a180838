"""Stripe Connect's OAuth (Standard accounts): no PKCE, the `read_write` scope, and the
platform's secret key as the client secret of the token endpoint."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow
from external_api.settings import ExternalApiSettings


def connect_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    stripe = settings.stripe
    app = OAuthApp(
        client_id=stripe.client_id,
        client_secret=stripe.secret_key.get_secret_value(),
        authorize_url=stripe.authorize_url,
        token_url=stripe.token_url,
        # Stripe deauthorizes by the connected account's id (POST /oauth/deauthorize), which the
        # framework's revoke(token) is not given: disconnecting forgets the tokens only.
        revoke_url="",
        scopes=("read_write",),
        pkce=False,
    )
    return OAuthFlow(app, http)
