"""Facebook Login (manual flow): the code exchanged with a GET on the Graph API's
/oauth/access_token, then swapped for a long-lived (about 60 days) user token; there is no
refresh token, so an expired token asks the account to connect again. Revoking is
DELETE /me/permissions."""

import logging

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.settings import ExternalApiSettings

logger = logging.getLogger(__name__)

SCOPES = (
    "pages_show_list",
    "pages_manage_metadata",
    "pages_read_engagement",
    "leads_retrieval",
    "ads_read",
)


class FacebookOAuth(OAuthFlow):
    async def exchange(self, code: str, redirect_uri: str, verifier: str | None) -> TokenSet:
        short_lived = await self.token_get({"redirect_uri": redirect_uri, "code": code})
        return await self.token_get(
            {"grant_type": "fb_exchange_token", "fb_exchange_token": short_lived.access_token}
        )

    async def token_get(self, params: dict[str, str]) -> TokenSet:
        credentials = {"client_id": self.app.client_id, "client_secret": self.app.client_secret}
        response = await self.http.send("GET", self.app.token_url, params={**params, **credentials})
        return self.tokens_from(response)

    async def revoke(self, token: str) -> None:
        response = await self.http.send(
            "DELETE", self.app.revoke_url, headers={"authorization": f"Bearer {token}"}
        )
        if response.status_code >= 400:
            logger.warning("Facebook did not revoke a token: %s", response.status_code)


def facebook_oauth(settings: ExternalApiSettings, http: ProviderHttp) -> FacebookOAuth:
    facebook = settings.facebook
    graph = f"{facebook.graph_url.rstrip('/')}/{facebook.graph_version}"
    app = OAuthApp(
        client_id=facebook.app_id,
        client_secret=facebook.app_secret.get_secret_value(),
        authorize_url=f"{facebook.dialog_url.rstrip('/')}/{facebook.graph_version}/dialog/oauth",
        token_url=f"{graph}/oauth/access_token",
        revoke_url=f"{graph}/me/permissions",
        scopes=SCOPES,
        pkce=False,
    )
    return FacebookOAuth(app, http)
