"""An account's stored credential for one provider: sealed on write, opened on use."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from beanie import PydanticObjectId

from external_api.integrations.framework.errors import NotConnected, ReconnectNeeded
from external_api.integrations.framework.oauth import TokenSet
from external_api.integrations.framework.provider import ConnectedAs, Provider
from external_api.integrations.framework.repository import CredentialRepository
from shared.models.base import utc_now
from shared.models.integration_credential import (
    ApiKeyCredential,
    ConnectionStatus,
    IntegrationCredential,
    OAuthCredential,
)
from shared.utilities.encryption import SecretBox

KEY_HINT_LENGTH = 4


def key_hint(api_key: str) -> str:
    """The last characters of a key, shown masked; none of a key too short to spare them."""
    return api_key[-KEY_HINT_LENGTH:] if len(api_key) >= 4 * KEY_HINT_LENGTH else ""


@dataclass(frozen=True)
class CredentialStore:
    provider: Provider
    box: SecretBox

    def repository(self, account_id: str | PydanticObjectId) -> CredentialRepository:
        return CredentialRepository(self.provider.credential, account_id)

    def open(self, sealed: str) -> str:
        return self.box.open(sealed)

    async def find(self, account_id: str | PydanticObjectId) -> IntegrationCredential | None:
        return await self.repository(account_id).the_credential()

    async def connected(self, account_id: str | PydanticObjectId) -> Any:
        """The account's usable credential: 409 when there is none or it needs reconnecting."""
        credential = await self.find(account_id)
        if credential is None:
            raise NotConnected(f"The account has not connected {self.provider.title}.")
        if credential.status is ConnectionStatus.RECONNECT_NEEDED:
            raise ReconnectNeeded(f"{self.provider.title} needs to be connected again.")
        return credential

    async def replace(
        self, account_id: str, user_id: str, fields: dict[str, Any]
    ) -> IntegrationCredential:
        """Store a fresh connection, replacing the account's earlier one."""
        fields = {
            **fields,
            "status": ConnectionStatus.CONNECTED,
            "problem": "",
            "connected_by": user_id,
        }
        credential = await self.find(account_id)
        if credential is None:
            return await self.repository(account_id).create(**fields)
        for name, value in fields.items():
            setattr(credential, name, value)
        await credential.save()
        return credential

    async def save_tokens(
        self, account_id: str, user_id: str, tokens: TokenSet, connected_as: ConnectedAs
    ) -> OAuthCredential:
        return await self.replace(
            account_id, user_id, {**self.sealed_tokens(tokens), **vars(connected_as)}
        )

    async def save_api_key(
        self, account_id: str, user_id: str, api_key: str, connected_as: ConnectedAs
    ) -> ApiKeyCredential:
        fields = {"api_key": self.box.seal(api_key), "key_hint": key_hint(api_key)}
        return await self.replace(account_id, user_id, {**fields, **vars(connected_as)})

    async def update_tokens(self, credential: OAuthCredential, tokens: TokenSet) -> OAuthCredential:
        """After a refresh: what the provider does not send again (a refresh token, the
        scopes) stays as it was."""
        for name, value in self.sealed_tokens(tokens).items():
            if value or name not in ("refresh_token", "scopes"):
                setattr(credential, name, value)
        await credential.save()
        return credential

    def sealed_tokens(self, tokens: TokenSet) -> dict[str, Any]:
        expires_at = utc_now() + timedelta(seconds=tokens.expires_in) if tokens.expires_in else None
        return {
            "access_token": self.box.seal(tokens.access_token),
            "refresh_token": self.box.seal(tokens.refresh_token) if tokens.refresh_token else "",
            "expires_at": expires_at,
            "scopes": tokens.scopes,
        }

    async def mark_reconnect_needed(self, account_id: str | PydanticObjectId, problem: str) -> None:
        credential = await self.find(account_id)
        if credential is not None:
            credential.status = ConnectionStatus.RECONNECT_NEEDED
            credential.problem = problem
            await credential.save()

    async def remove(self, account_id: str | PydanticObjectId) -> IntegrationCredential | None:
        credential = await self.find(account_id)
        if credential is not None:
            await credential.delete()
        return credential
