"""The consent step, as an API the dashboard's consent page renders: the app sends the user to
the page with its authorization request (RFC 6749 section 4.1.1); the page asks what to show
(`describe`) and posts the user's answer (`decide`), which makes the code (or the refusal) and
the URL that takes the user back to the app. authlib checks the request both times: the
client, its redirect URI exactly as registered, the scopes it may ask, PKCE."""

from collections.abc import Mapping
from dataclasses import dataclass

from authlib.oauth2 import OAuth2Error
from beanie import PydanticObjectId

from internal_api.oauth.errors import (
    AccountNotInstallable,
    AuthorizationRequestInvalid,
    ScopesNotAllowed,
)
from internal_api.oauth.protocol import Client, Installer
from internal_api.oauth.repository import GrantRepository
from internal_api.oauth.scopes import described
from internal_api.oauth.server import PlatformAuthorizationServer, PlatformRequest
from internal_api.users.service import ActingAccount, acting_accounts
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.users import effective_membership
from shared.models.api_app import ApiApp
from shared.utilities.auth import Principal
from shared.utilities.pagination import PageParams

Params = Mapping[str, list[str]]
LISTED_ACCOUNTS = PageParams(limit=100, sort="name")


@dataclass
class Consent:
    app: ApiApp
    scopes: list[dict[str, str]]
    redirect_uri: str
    accounts: list[ActingAccount]


async def describe(
    principal: Principal, params: Params, server: PlatformAuthorizationServer, page_url: str
) -> Consent:
    request = PlatformRequest("GET", page_url, {}, params, {})
    grant = await checked(server, request, principal)
    client: Client = request.client
    listed = await acting_accounts(principal, LISTED_ACCOUNTS)
    return Consent(client.app, described(request.scope.split()), grant.redirect_uri, listed.data)


async def decide(
    principal: Principal,
    params: Params,
    approve: bool,
    account_id: str | None,
    server: PlatformAuthorizationServer,
    page_url: str,
) -> str:
    """Where the user goes next: the app's redirect URI with a code (approved) or
    `error=access_denied`, and the request's `state`."""
    request = PlatformRequest("POST", page_url, {}, params, {})
    grant = await checked(server, request, principal)
    installer = await install(principal, request, account_id) if approve else None
    answer = await server.run(server.create_authorization_response, request, installer, grant)
    location = answer.header("location")
    if location is None:  # the request no longer holds (the app changed meanwhile)
        raise AuthorizationRequestInvalid(details=[answer.body])
    return location


async def checked(server: PlatformAuthorizationServer, request: PlatformRequest, user: Principal):
    try:
        return await server.run(server.get_consent_grant, request, user)
    except OAuth2Error as error:
        raise refusal(error) from None


def refusal(error: OAuth2Error) -> AuthorizationRequestInvalid:
    """The error, and where the app may be told of it: never to a redirect URI it did not
    register (RFC 6749 section 4.1.2.1), when only the user is told."""
    detail = {"error": error.error, "description": error.description or ""}
    if error.redirect_uri:
        _, _, headers = error()
        detail["redirect_to"] = dict(headers)["Location"]
    return AuthorizationRequestInvalid(error.description or None, details=[detail])


async def install(principal: Principal, request: PlatformRequest, account_id: str | None):
    """The app installed on the account the user chose (renewing their grant there), with the
    scopes asked that the user holds there; the installer the code is made for."""
    account = await accounts.account(PydanticObjectId(account_id)) if account_id else None
    user_id = PydanticObjectId(principal.sub)
    membership = await effective_membership(user_id, account) if account else None
    if account is None or account.id is None or membership is None:
        raise AccountNotInstallable(details=[{"field": "account_id", "message": "not yours"}])
    asked = request.scope.split()
    scopes = [scope for scope in asked if scope in membership.scopes]
    if not scopes:
        raise ScopesNotAllowed(
            "You hold none of the scopes the app asks for in this account.",
            details=[{"field": "scope", "scope": scope} for scope in asked],
        )
    client: Client = request.client
    grants = GrantRepository(account.id)
    assert client.app.id is not None, "a stored app"
    grant = await grants.live(client.app.id, user_id)
    if grant is None:
        grant = await grants.create(app_id=client.app.id, user_id=user_id, scopes=scopes)
    else:
        await grants.renew(grant, scopes)
    assert grant.id is not None, "a stored grant"
    return Installer(user_id, account.id, grant.id, scopes)
