"""Constant Contact's OAuth 2 (developer.constantcontact.com/api_guide/server_flow.html): the
authorization-code flow with PKCE, the client authenticated with HTTP basic auth at the token
endpoint, for the code and the refresh alike; `offline_access` asks for a refresh token.
Access tokens last a day; a refresh answers a new refresh token, which replaces the old."""

import base64

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.settings import ExternalApiSettings

SCOPES = ("contact_data", "campaign_data", "offline_access")


class ConstantContactFlow(OAuthFlow):
    async def token_request(self, form: dict[str, str]) -> TokenSet:
        pair = f"{self.app.client_id}:{self.app.client_secret}".encode()
        headers = {"authorization": f"Basic {base64.b64encode(pair).decode()}"}
        response = await self.http.send("POST", self.app.token_url, data=form, headers=headers)
        return self.tokens_from(response)


def constant_contact_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    constant_contact = settings.constant_contact
    app = OAuthApp(
        client_id=constant_contact.client_id,
        client_secret=constant_contact.client_secret.get_secret_value(),
        authorize_url=constant_contact.authorize_url,
        token_url=constant_contact.token_url,
        scopes=SCOPES,
    )
    return ConstantContactFlow(app, http)
