"""What an account's connection to a third-party provider keeps: one collection per provider.

Each provider has its own thin module (`google_analytics_token.py`, `stripe_key.py`, ...) with a
subclass of `OAuthCredential` or `ApiKeyCredential` naming its collection, as the original did
(one `*-token` / `*-key` collection per provider): a provider's credentials are then dropped,
indexed or backed up on their own, and no query on one provider can read another's.

Secrets are stored sealed (`shared.utilities.encryption.SecretBox`); only the external API holds
the keys that open them. An account has at most one connection per provider.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from beanie import Indexed, PydanticObjectId

from shared.models.base import TenantDocument, utc_now


class ConnectionStatus(StrEnum):
    CONNECTED = "connected"
    # The provider refused the stored credential (revoked, expired, a failed refresh): the
    # account must connect again; calls answer 409 reconnect_needed until it does.
    RECONNECT_NEEDED = "reconnect_needed"


class IntegrationCredential(TenantDocument):
    # Unique: one connection per account (overrides the base's plain index).
    account_id: Indexed(PydanticObjectId, unique=True)  # type: ignore[valid-type]  # Beanie's
    # Indexed: the nightly analytics sync lists each provider's connections in good standing.
    status: Annotated[ConnectionStatus, Indexed()] = ConnectionStatus.CONNECTED
    connected_by: str = ""  # the user id that connected it
    # The provider's own id and name of what was connected (an ad account, a Stripe account).
    external_id: str = ""
    label: str = ""
    # Provider-specific, non-secret settings (a default property id, a login customer id).
    options: dict[str, Any] = {}
    problem: str = ""  # why it needs reconnecting, as the provider said

    # The fields holding sealed values; a subclass keeping more (in `options`, in a list)
    # overrides `reseal` so a key rotation reaches them too.
    sealed_fields: ClassVar[tuple[str, ...]] = ()

    def reseal(self, rotate: Callable[[str], str]) -> None:
        """Every sealed value sealed again (`rotate`: with the first key), in place."""
        for name in self.sealed_fields:
            if value := getattr(self, name):
                setattr(self, name, rotate(value))


class OAuthCredential(IntegrationCredential):
    sealed_fields: ClassVar[tuple[str, ...]] = ("access_token", "refresh_token")

    access_token: str  # sealed
    refresh_token: str = ""  # sealed; empty when the provider gives none
    expires_at: datetime | None = None
    scopes: list[str] = []

    def expires_within(self, skew: timedelta) -> bool:
        return self.expires_at is not None and self.expires_at - skew <= utc_now()


class ApiKeyCredential(IntegrationCredential):
    sealed_fields: ClassVar[tuple[str, ...]] = ("api_key",)

    api_key: str  # sealed
    key_hint: str  # the key's last characters, for showing it masked

    @property
    def masked_key(self) -> str:
        return f"••••{self.key_hint}"
