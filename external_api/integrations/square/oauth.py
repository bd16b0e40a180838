"""Square's OAuth (developer.squareup.com/docs/oauth-api/overview), the code flow: the consent
page with `session=false`, `POST /oauth2/token` with a JSON body (the application's id and
secret in it), access tokens of 30 days with `expires_at` rather than `expires_in`, refreshed
with the refresh token (the code flow's stays the same); the seller's `merchant_id` comes with
the tokens and names the connection, which Square's webhooks carry."""

from datetime import datetime

import httpx

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings
from shared.models.base import utc_now

SCOPES = ("MERCHANT_PROFILE_READ", "CUSTOMERS_READ", "PAYMENTS_READ", "ITEMS_READ")


class SquareFlow(OAuthFlow):
    def __init__(self, app: OAuthApp, http: ProviderHttp, api_version: str) -> None:
        super().__init__(app, http)
        self.api_version = api_version

    async def token_request(self, form: dict[str, str]) -> TokenSet:
        body = {**form, "client_id": self.app.client_id, "client_secret": self.app.client_secret}
        headers = {"square-version": self.api_version}
        response = await self.http.send("POST", self.app.token_url, json=body, headers=headers)
        return self.tokens_from(response)

    def tokens_from(self, response: httpx.Response) -> TokenSet:
        tokens = super().tokens_from(response)
        expires_at = tokens.extra.get("expires_at")
        if not expires_at:
            return tokens
        left = datetime.fromisoformat(expires_at.replace("Z", "+00:00")) - utc_now()
        return TokenSet(
            tokens.access_token,
            tokens.refresh_token,
            max(int(left.total_seconds()), 0),
            tokens.scopes,
            tokens.extra,
        )

    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        """The seller the token reaches (`GET /v2/merchants/{merchant_id}`), by its id."""
        merchant_id = tokens.extra.get("merchant_id", "")
        headers = {
            "authorization": f"Bearer {tokens.access_token}",
            "square-version": self.api_version,
        }
        answer = await self.http.json("GET", f"/v2/merchants/{merchant_id}", headers=headers)
        merchant = answer.get("merchant") or {}
        return ConnectedAs(external_id=merchant_id, label=str(merchant.get("business_name") or ""))


def square_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    square = settings.square
    app = OAuthApp(
        client_id=square.client_id,
        client_secret=square.client_secret.get_secret_value(),
        authorize_url=square.authorize_url,
        token_url=square.token_url,
        # Square revokes by access token or merchant id with `Authorization: Client <secret>`,
        # not RFC 7009 with the refresh token the framework passes: disconnecting forgets the
        # tokens only (the seller removes the app in its Square dashboard).
        revoke_url="",
        scopes=SCOPES,
        pkce=False,
        authorize_params={"session": "false"},
    )
    return SquareFlow(app, http, square.api_version)
