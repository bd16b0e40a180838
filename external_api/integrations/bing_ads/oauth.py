"""The Microsoft identity platform's authorization-code flow (v2.0 endpoints) with PKCE for
the Microsoft Advertising API scope; `offline_access` brings a refresh token, and a refresh
names the scopes again (Microsoft asks for them). There is no revocation endpoint: a
disconnect forgets the tokens here (the user removes the app's consent at Microsoft)."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.settings import ExternalApiSettings

SCOPES = ("https://ads.microsoft.com/msads.manage", "offline_access")


class MicrosoftOAuth(OAuthFlow):
    async def refresh(self, refresh_token: str) -> TokenSet:
        return await self.token_request(
            {
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "scope": " ".join(self.app.scopes),
            }
        )


def microsoft_oauth(settings: ExternalApiSettings, http: ProviderHttp) -> MicrosoftOAuth:
    bing = settings.bing_ads
    app = OAuthApp(
        client_id=bing.client_id,
        client_secret=bing.client_secret.get_secret_value(),
        authorize_url=bing.authorize_url,
        token_url=bing.token_url,
        scopes=SCOPES,
        pkce=True,
    )
    return MicrosoftOAuth(app, http)
