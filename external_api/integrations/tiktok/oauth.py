"""TikTok for Business advertiser authorization: the advertiser is sent to the portal's auth
page with `app_id`, `state` and `redirect_uri`; TikTok sends the browser back with `auth_code`
(the dashboard posts it as `code`), exchanged with POST /oauth2/access_token/ (JSON `app_id`,
`secret`, `auth_code`) for a long-term access token and the advertiser ids it reaches. There is
no refresh token: a token TikTok refuses asks the account to connect again. Revoking is
POST /oauth2/revoke_token/."""

import logging
from urllib.parse import urlencode

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import GrantRefused, OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings

logger = logging.getLogger(__name__)


class TiktokOAuth(OAuthFlow):
    def authorize_url(self, redirect_uri: str, state: str, verifier: str | None) -> str:
        params = {"app_id": self.app.client_id, "state": state, "redirect_uri": redirect_uri}
        return f"{self.app.authorize_url}?{urlencode(params)}"

    def app_credentials(self) -> dict[str, str]:
        return {"app_id": self.app.client_id, "secret": self.app.client_secret}

    async def exchange(self, code: str, redirect_uri: str, verifier: str | None) -> TokenSet:
        body = {**self.app_credentials(), "auth_code": code}
        answer = await self.http.json("POST", self.app.token_url, json=body)
        data = answer.get("data") or {}
        if answer.get("code") != 0 or not data.get("access_token"):
            raise GrantRefused(str(answer.get("message") or answer.get("code")))
        return TokenSet(
            access_token=data["access_token"],
            scopes=[str(scope) for scope in data.get("scope") or []],
            extra={"advertiser_ids": ",".join(str(i) for i in data.get("advertiser_ids") or [])},
        )

    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        ids = [i for i in tokens.extra.get("advertiser_ids", "").split(",") if i]
        only = ids[0] if len(ids) == 1 else ""
        return ConnectedAs(external_id=only, options={"advertiser_ids": ids})

    async def revoke(self, token: str) -> None:
        body = {**self.app_credentials(), "access_token": token}
        answer = await self.http.json("POST", self.app.revoke_url, json=body)
        if answer.get("code") != 0:
            logger.warning("TikTok did not revoke a token: %s", answer.get("code"))


def tiktok_oauth(settings: ExternalApiSettings, http: ProviderHttp) -> TiktokOAuth:
    tiktok = settings.tiktok
    api = tiktok.api_url.rstrip("/")
    app = OAuthApp(
        client_id=tiktok.app_id,
        client_secret=tiktok.secret.get_secret_value(),
        authorize_url=tiktok.authorize_url,
        token_url=f"{api}/oauth2/access_token/",
        revoke_url=f"{api}/oauth2/revoke_token/",
        pkce=False,
    )
    return TiktokOAuth(app, http)
