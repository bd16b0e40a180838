"""Zoho's OAuth 2.0 (zoho.com/crm/developer/docs/api/v6/oauth-overview.html): the
authorization-code flow at the data centre's accounts server, `access_type=offline` for a
refresh token, scopes comma-separated, the client authenticated in the form; the token answer
names the org's `api_domain` (www.zohoapis.eu, ...), where its API is called. Access tokens
last an hour; a refresh answers no new refresh token (the framework keeps the old one)."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings

API_DOMAIN = "api_domain"
# One scope string: Zoho separates its scopes with commas, not spaces.
SCOPES = ("ZohoCRM.modules.contacts.ALL,ZohoCRM.notifications.ALL",)


class ZohoFlow(OAuthFlow):
    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        domain = tokens.extra.get(API_DOMAIN, "")
        return ConnectedAs(label=domain, options={API_DOMAIN: domain} if domain else {})


def zoho_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    zoho = settings.zoho
    accounts = zoho.accounts_url.rstrip("/")
    app = OAuthApp(
        client_id=zoho.client_id,
        client_secret=zoho.client_secret.get_secret_value(),
        authorize_url=f"{accounts}/oauth/v2/auth",
        token_url=f"{accounts}/oauth/v2/token",
        # Zoho revokes with the token in the query string, not RFC 7009's form: disconnecting
        # forgets the tokens only.
        revoke_url="",
        scopes=SCOPES,
        pkce=False,
        authorize_params={"access_type": "offline", "prompt": "consent"},
    )
    return ZohoFlow(app, http)
