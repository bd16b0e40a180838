"""Keap's OAuth 2.0 (developer.keap.com/getting-started-oauth-keys): the code exchanged with
the client in the form, but a refresh authenticated with HTTP basic auth; the scope answered
is `full|<app>.infusionsoft.com`, naming the Keap app (account) the token reaches. Access
tokens last 24 hours."""

import base64

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings


class KeapFlow(OAuthFlow):
    async def refresh(self, refresh_token: str) -> TokenSet:
        pair = f"{self.app.client_id}:{self.app.client_secret}".encode()
        headers = {"authorization": f"Basic {base64.b64encode(pair).decode()}"}
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        response = await self.http.send("POST", self.app.token_url, data=form, headers=headers)
        return self.tokens_from(response)

    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        _, _, app = tokens.extra.get("scope", "").partition("|")
        return ConnectedAs(external_id=app, label=app)


def keap_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    keap = settings.keap
    app = OAuthApp(
        client_id=keap.client_id,
        client_secret=keap.client_secret.get_secret_value(),
        authorize_url=keap.authorize_url,
        token_url=keap.token_url,
        revoke_url="",  # Keap documents no revocation endpoint
        scopes=("full",),
        pkce=False,
    )
    return KeapFlow(app, http)
