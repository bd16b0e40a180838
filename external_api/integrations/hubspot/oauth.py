"""HubSpot's OAuth 2.0 (developers.hubspot.com/docs/api/oauth-quickstart-guide): the
authorization-code flow with the client authenticated in the form, the contacts scopes, no
PKCE, access tokens of 30 minutes refreshed with the refresh token; the connection knows
its portal (hub id), which webhooks name."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings

SCOPES = ("crm.objects.contacts.read", "crm.objects.contacts.write")


class HubspotFlow(OAuthFlow):
    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        """The portal (hub) the token reaches, which HubSpot's webhooks name:
        `GET /oauth/v1/access-tokens/{token}`."""
        about = await self.http.json("GET", f"/oauth/v1/access-tokens/{tokens.access_token}")
        return ConnectedAs(external_id=str(about["hub_id"]), label=str(about.get("hub_domain", "")))


def hubspot_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    hubspot = settings.hubspot
    app = OAuthApp(
        client_id=hubspot.client_id,
        client_secret=hubspot.client_secret.get_secret_value(),
        authorize_url=hubspot.authorize_url,
        token_url=hubspot.token_url,
        # HubSpot deletes a refresh token by its value in the path, which the framework's
        # RFC 7009 revoke does not do: disconnecting forgets the tokens only.
        revoke_url="",
        scopes=SCOPES,
        pkce=False,
    )
    return HubspotFlow(app, http)
