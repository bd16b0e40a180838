"""Salesforce's OAuth 2.0 web server flow (help.salesforce.com, "OAuth 2.0 Web Server Flow"),
with PKCE: the token answer names the org's `instance_url`, where its REST API is called, and
the identity URL `id` (`.../id/<organization id>/<user id>`), whose organization id outbound
messages carry. Access tokens have no stated lifetime: the framework refreshes after a 401."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthApp, OAuthFlow, TokenSet
from external_api.integrations.framework.provider import ConnectedAs
from external_api.settings import ExternalApiSettings

INSTANCE_URL = "instance_url"


def organization_of(identity_url: str) -> str:
    parts = identity_url.rstrip("/").split("/")
    return parts[-2] if len(parts) >= 2 else ""


class SalesforceFlow(OAuthFlow):
    async def connected_as(self, tokens: TokenSet) -> ConnectedAs:
        instance = tokens.extra.get(INSTANCE_URL, "")
        return ConnectedAs(
            external_id=organization_of(tokens.extra.get("id", "")),
            label=instance,
            options={INSTANCE_URL: instance},
        )


def salesforce_flow(settings: ExternalApiSettings, http: ProviderHttp) -> OAuthFlow:
    salesforce = settings.salesforce
    login = salesforce.login_url.rstrip("/")
    app = OAuthApp(
        client_id=salesforce.client_id,
        client_secret=salesforce.client_secret.get_secret_value(),
        authorize_url=f"{login}/services/oauth2/authorize",
        token_url=f"{login}/services/oauth2/token",
        revoke_url=f"{login}/services/oauth2/revoke",
        scopes=("api", "refresh_token"),
        pkce=True,
    )
    return SalesforceFlow(app, http)
