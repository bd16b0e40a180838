"""Connecting and disconnecting providers, and the account's list of them."""

import logging

from external_api.integrations.framework.oauth import GrantRefused, code_verifier
from external_api.integrations.framework.provider import (
    ApiKeyConnect,
    AuthKind,
    Listing,
    Provider,
)
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.schemas import (
    AuthStartRead,
    ConnectComplete,
    ConnectOutcome,
    IntegrationRead,
)
from external_api.integrations.framework.state import Starter, dashboard_path
from shared.models.integration_credential import ApiKeyCredential, OAuthCredential
from shared.utilities.errors import DomainError, NotFound

logger = logging.getLogger(__name__)

NOT_CONNECTED = "not_connected"
NOT_CONFIGURED = "not_configured"
CONNECTED = "connected"


async def list_integrations(integrations: Integrations, account_id: str) -> list[IntegrationRead]:
    """The registered providers, then the platform's own, then the known ones this build lacks,
    each with what its listing says about it."""
    listings = {listing.name: listing for listing in integrations.listings}
    answers = [
        await account_status(integrations, provider, account_id)
        for provider in integrations.providers.values()
    ]
    for platform in integrations.platform:
        configured = platform.configured(integrations.settings)
        answers.append(
            IntegrationRead(
                name=platform.name,
                title=platform.title,
                auth=AuthKind.PLATFORM,
                status=CONNECTED if configured else NOT_CONFIGURED,
            )
        )
    listed = {answer.name for answer in answers}
    answers += [
        IntegrationRead(
            name=listing.name, title=listing.title, auth=listing.auth, status=NOT_CONFIGURED
        )
        for listing in integrations.listings
        if listing.name not in listed
    ]
    return [with_listing(answer, listings.get(answer.name)) for answer in answers]


def with_listing(answer: IntegrationRead, listing: Listing | None) -> IntegrationRead:
    if listing is None:
        return answer
    return answer.model_copy(update={"category": listing.category, "does": listing.does})


async def account_status(
    integrations: Integrations, provider: Provider, account_id: str
) -> IntegrationRead:
    answer = IntegrationRead(
        name=provider.name, title=provider.title, auth=provider.auth, status=NOT_CONNECTED
    )
    if provider.oauth and not integrations.flow(provider.name).app.client_id:
        return answer.model_copy(update={"status": NOT_CONFIGURED})
    credential = await integrations.store(provider.name).find(account_id)
    if credential is None:
        return answer
    return answer.model_copy(
        update={
            "status": credential.status,
            "external_id": credential.external_id,
            "label": credential.label,
            "problem": credential.problem,
            "connected_at": credential.updated_at,
        }
    )


async def start_oauth(
    integrations: Integrations, name: str, starter: Starter, return_path: str | None
) -> AuthStartRead:
    flow = integrations.flow(name)
    path = dashboard_path(return_path)
    verifier = code_verifier() if flow.app.pkce else ""
    state = await integrations.states().issue(name, starter, path, verifier)
    url = flow.authorize_url(integrations.redirect_uri(name), state, verifier or None)
    return AuthStartRead(authorize_url=url, expires_in=integrations.settings.oauth_state_seconds)


async def finish_oauth(
    integrations: Integrations, name: str, finisher: Starter, completion: ConnectComplete
) -> ConnectOutcome:
    """How the connect went. The state is checked (its starter is the finisher) and spent
    before anything else."""
    connect, verifier = await integrations.states().consume(completion.state, name, finisher)
    outcome = ConnectOutcome(integration=name, status="error", return_path=connect.return_path)
    if completion.error or not completion.code:
        return outcome.model_copy(update={"reason": completion.error or "no_code"})
    try:
        await store_tokens(
            integrations, name, connect.account_id, connect.user_id, completion.code, verifier
        )
    except GrantRefused as refusal:
        logger.warning("%s refused an authorization code: %s", name, refusal)
        return outcome.model_copy(update={"reason": "code_refused"})
    return outcome.model_copy(update={"status": "connected"})


async def store_tokens(
    integrations: Integrations, name: str, account_id: str, user_id: str, code: str, verifier: str
) -> OAuthCredential:
    flow = integrations.flow(name)
    tokens = await flow.exchange(code, integrations.redirect_uri(name), verifier or None)
    store = integrations.store(name)
    return await store.save_tokens(account_id, user_id, tokens, await flow.connected_as(tokens))


async def disconnect_oauth(integrations: Integrations, name: str, account_id: str) -> None:
    """Forget the connection and revoke its grant where the provider allows."""
    flow = integrations.flow(name)
    store = integrations.store(name)
    credential = await store.remove(account_id)
    if credential is None:
        raise NotFound(f"The account has not connected {flow.http.title}.")
    token = credential.refresh_token or credential.access_token
    try:
        await flow.revoke(store.open(token))
    except DomainError as failure:
        # The account asked to disconnect, and it is: a provider failing to revoke is logged.
        logger.warning("%s: revoking failed: %s", name, failure.message)


async def connect_api_key(
    integrations: Integrations, name: str, account_id: str, user_id: str, body: ApiKeyConnect
) -> ApiKeyCredential:
    """Check the key with the provider once, then store it sealed."""
    provider = integrations.provider(name)
    if provider.api_key is None:
        raise NotFound(f"{provider.title} connects with OAuth, not an API key.")
    connected_as = await provider.api_key.validate(integrations.http[name], body)
    store = integrations.store(name)
    api_key = body.api_key.get_secret_value()
    credential = await store.save_api_key(account_id, user_id, api_key, connected_as)
    return credential


async def read_api_key(integrations: Integrations, name: str, account_id: str) -> ApiKeyCredential:
    credential = await integrations.store(name).find(account_id)
    if not isinstance(credential, ApiKeyCredential):
        raise NotFound(f"The account has not connected {integrations.provider(name).title}.")
    return credential


async def remove_api_key(integrations: Integrations, name: str, account_id: str) -> None:
    if await integrations.store(name).remove(account_id) is None:
        raise NotFound(f"The account has not connected {integrations.provider(name).title}.")
