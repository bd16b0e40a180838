"""Connecting and disconnecting providers, and the account's list of them."""

import logging

from external_api.integrations.framework.oauth import GrantRefused, code_verifier
from external_api.integrations.framework.provider import ApiKeyConnect
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


async def list_integrations(integrations: Integrations, account_id: str) -> list[IntegrationRead]:
    answers = []
    for provider in integrations.providers.values():
        credential = await integrations.store(provider.name).find(account_id)
        answer = IntegrationRead(
            name=provider.name, title=provider.title, auth=provider.auth, status=NOT_CONNECTED
        )
        if credential is not None:
            answer = answer.model_copy(
                update={
                    "status": credential.status,
                    "external_id": credential.external_id,
                    "label": credential.label,
                    "problem": credential.problem,
                    "connected_at": credential.updated_at,
                }
            )
        answers.append(answer)
    return answers


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
