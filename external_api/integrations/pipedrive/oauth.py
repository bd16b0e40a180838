"""Pipedrive's OAuth 2.0 (pipedrive.readme.io/docs/marketplace-oauth-authorization): the
client authenticates to the token endpoint with HTTP basic auth, not in the form; the token
answer names the company's `api_domain`, where its API is called."""

import base64

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings

API_DOMAIN = "api_domain"


class PipedriveFlow(OAuthFlow):
    async def token_request(self, form: dict[str, str]) -> TokenSet:
        pair = f"{self.app.client_id}:{self.app.client_secret}".encode()
        headers = {"authorization": f"Basic {base64.b64encode(pair).decode()}"}
        response = await self.http.send("POST", self.app.token_url, data=form, headers=headers)
        return self.tokens_from(response)

    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        domain = tokens.extra.get(API_DOMAIN, "")
        return ConnectedAs(label=domain, options={API_DOMAIN: domain} if domain else {})


def pipedrive_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    pipedrive = settings.pipedrive
    app = OAuthApp(
        client_id=pipedrive.client_id,
        client_secret=pipedrive.client_secret.get_secret_value(),
        authorize_url=pipedrive.authorize_url,
        token_url=pipedrive.token_url,
        revoke_url="https://oauth.pipedrive.com/oauth/revoke",
        scopes=(),  # Pipedrive's scopes are the app's, chosen in its Developer Hub
        pkce=False,
    )
    return PipedriveFlow(app, http)
