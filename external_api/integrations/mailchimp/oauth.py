"""Mailchimp's OAuth 2 (mailchimp.com/developer/marketing/guides/access-user-data-oauth-2):
the authorization-code flow without PKCE or scopes, the client authenticated in the form; the
access token never expires and comes without a refresh token. The account's API lives in its
data centre: `GET /oauth2/metadata` with `Authorization: OAuth <token>` names it (`dc`,
`api_endpoint`), kept in the connection's options."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings

API_ENDPOINT = "api_endpoint"


class MailchimpFlow(OAuthFlow):
    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        about = await self.http.json(
            "GET", "/oauth2/metadata", headers={"authorization": f"OAuth {tokens.access_token}"}
        )
        login = about.get("login") or {}
        return ConnectedAs(
            external_id=str(login.get("login_id") or about.get("user_id") or ""),
            label=str(about.get("accountname", "")),
            options={"dc": about["dc"], API_ENDPOINT: about[API_ENDPOINT]},
        )


def mailchimp_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    mailchimp = settings.mailchimp
    login = mailchimp.login_url.rstrip("/")
    app = OAuthApp(
        client_id=mailchimp.client_id,
        client_secret=mailchimp.client_secret.get_secret_value(),
        authorize_url=f"{login}/oauth2/authorize",
        token_url=f"{login}/oauth2/token",
        pkce=False,
    )
    return MailchimpFlow(app, http)
