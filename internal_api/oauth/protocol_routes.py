"""The authorization server's protocol: the consent API the dashboard's consent page renders
(`/v1/oauth/authorize`, the user's session), the token and revocation endpoints apps call
without a session (RFC 6749, 7009), introspection for the platform's services (RFC 7662) and
the metadata (RFC 8414) at the issuer's root. The protocol endpoints answer in RFC 6749's
shape, `{"error", "error_description"}`, as client libraries read it."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from internal_api.dependencies import Settings
from internal_api.oauth import consent
from internal_api.oauth.auth import OwnSession
from internal_api.oauth.endpoints import INTROSPECTION_PATH, REVOCATION_PATH, TOKEN_PATH, metadata
from internal_api.oauth.errors import (
    AccountNotInstallable,
    AuthorizationRequestInvalid,
    ScopesNotAllowed,
    SessionRequired,
)
from internal_api.oauth.http import Server, oauth_request, query_parameters, response
from internal_api.oauth.schemas import ConsentDecision, ConsentRead, RedirectRead
from shared.domain.oauth.credentials import METADATA_PATH
from shared.utilities.auth import CurrentService
from shared.utilities.errors import SIGNED_IN, InvalidInput, Unauthorized, error_responses

router = APIRouter(tags=["oauth"])

Query = Annotated[dict[str, list[str]], Depends(query_parameters)]
CONSENT_ERRORS = (*SIGNED_IN, SessionRequired, AuthorizationRequestInvalid)
OAUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "RFC 6749 section 5.2: `invalid_request`, `invalid_grant`, ..."},
    401: {"description": "`invalid_client`: the client failed to authenticate"},
}


@router.get(
    "/v1/oauth/authorize",
    response_model=ConsentRead,
    summary="What the consent page shows for an app's authorization request",
    description="The query is the app's authorization request as it sent the user to the "
    "consent page (`response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, "
    "`code_challenge`, `code_challenge_method=S256`). A bad request answers 400 "
    "`invalid_authorization_request` with the OAuth error, and `redirect_to` when the app may "
    "be told (never for an unknown client or a redirect URI it did not register).",
    responses=error_responses(*CONSENT_ERRORS),
)
async def describe_consent(
    principal: OwnSession, query: Query, server: Server, settings: Settings
) -> consent.Consent:
    return await consent.describe(principal, query, server, settings.oauth_authorize_url)


@router.post(
    "/v1/oauth/authorize",
    response_model=RedirectRead,
    summary="The user's answer to an app's authorization request",
    description="Approved, the app is installed on `account_id` (one of the user's accounts, or "
    "a sub-account of their agency) with the scopes asked that the user holds there, and "
    "`redirect_to` carries a code (single-use, bound to the client, the redirect URI and the "
    "PKCE challenge); denied, `error=access_denied`. The dashboard sends the user there.",
    responses=error_responses(
        *CONSENT_ERRORS, InvalidInput, AccountNotInstallable, ScopesNotAllowed
    ),
)
async def decide_consent(
    body: ConsentDecision, principal: OwnSession, server: Server, settings: Settings
) -> RedirectRead:
    location = await consent.decide(
        principal,
        body.oauth_parameters(),
        body.approve,
        body.account_id,
        server,
        settings.oauth_authorize_url,
    )
    return RedirectRead(redirect_to=location)


@router.post(
    TOKEN_PATH,
    summary="The token endpoint (RFC 6749 section 3.2; no session)",
    description="Form-encoded. `grant_type=authorization_code` with `code`, `redirect_uri` and "
    "`code_verifier` (PKCE), or `grant_type=refresh_token` with `refresh_token` (rotated: the "
    "answer carries the next one; a refresh token used twice revokes the whole grant). A "
    "confidential client authenticates with HTTP Basic or `client_secret` in the form, a "
    "public one sends `client_id`. The answer: `access_token`, `token_type`, `expires_in`, "
    "`refresh_token`, `scope`, `account_id`.",
    responses=OAUTH_ERRORS,
)
async def token(request: Request, server: Server, settings: Settings) -> Response:
    oauth = await oauth_request(request, settings.oauth_issuer)
    return response(await server.run(server.create_token_response, oauth))


@router.post(
    REVOCATION_PATH,
    summary="Revoke an access or refresh token (RFC 7009; no session)",
    description="Form-encoded `token` (and `token_type_hint`), with the client's "
    "authentication as at the token endpoint. The token's pair ends, access and refresh token "
    "alike. 200 whether or not the token was known.",
    responses=OAUTH_ERRORS,
)
async def revoke(request: Request, server: Server, settings: Settings) -> Response:
    oauth = await oauth_request(request, settings.oauth_issuer)
    return response(await server.run(server.create_endpoint_response, "revocation", oauth))


@router.post(
    INTROSPECTION_PATH,
    summary="Introspect an access token or API key (RFC 7662; the platform's services)",
    description="Form-encoded `token`, with a service token. `active`, and for a live one "
    "what it lets its holder be now: `scope`, `sub` (the user), `account_id`, `exp`, "
    "`client_id` and `app_id` for an app's token, `credential` (`oauth` or `api_key`).",
    responses={**OAUTH_ERRORS, **error_responses(Unauthorized)},
)
async def introspect(
    request: Request, server: Server, settings: Settings, caller: CurrentService
) -> Response:
    oauth = await oauth_request(request, settings.oauth_issuer)
    return response(await server.run(server.create_endpoint_response, "introspection", oauth))


@router.get(
    METADATA_PATH,
    summary="The authorization server's metadata (RFC 8414; no session)",
    description="Where the consent page, the token, revocation and introspection endpoints "
    "are, the scopes, grant types, client authentication and PKCE methods supported.",
)
async def server_metadata(settings: Settings) -> dict:
    return metadata(settings)
