"""A call's recording, read from CallRail (or CallTrackingMetrics) with the key the caller's
account connected.

Tenancy comes from the key: CallRail answers 404 for a call of any other CallRail account, so
another tenant's call answers exactly like a missing one.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from misc.callrail_recordings.recordings.repository import KeyT, the_key
from shared.models.callrail_key import CallrailKey
from shared.models.ctm_key import CtmKey
from shared.utilities.auth import Principal
from shared.utilities.encryption import SecretBox, SecretUnreadable
from shared.utilities.errors import Conflict


class NotConnected(Conflict):
    """The account has not connected the provider (the external API's code for the same case)."""

    code = "not_connected"


class ReconnectNeeded(Conflict):
    """The provider refuses the account's key, or it cannot be read: connect it again."""

    code = "reconnect_needed"


@dataclass(frozen=True)
class Recording:
    """An audio answer being streamed: its status (200, or 206 for a range), headers and bytes."""

    status: int
    headers: dict[str, str]
    chunks: AsyncIterator[bytes]


class RecordingSource(Protocol):
    async def open_recording(
        self, api_key: str, callrail_account_id: str, call_id: str, byte_range: str | None
    ) -> Recording: ...


class CtmSource(Protocol):
    async def open_recording(
        self,
        access_key: str,
        secret_key: str,
        ctm_account_id: str,
        call_id: str,
        byte_range: str | None,
    ) -> Recording: ...


async def opened_key(
    model: type[KeyT], title: str, secrets: SecretBox, principal: Principal
) -> tuple[KeyT, str]:
    """The account's stored key for the provider, and its secret opened."""
    key = await the_key(model, principal.account_id)
    if key is None:
        raise NotConnected(f"Connect {title} first: this account has no {title} API key.")
    try:
        return key, secrets.open(key.api_key)  # sealed by the external API
    except SecretUnreadable:
        message = f"This account's {title} key cannot be read: reconnect {title}."
        raise ReconnectNeeded(message) from None


async def open_recording(
    source: RecordingSource,
    secrets: SecretBox,
    principal: Principal,
    call_id: str,
    byte_range: str | None,
) -> Recording:
    key, api_key = await opened_key(CallrailKey, "CallRail", secrets, principal)
    return await source.open_recording(api_key, key.callrail_account_id, call_id, byte_range)


async def open_ctm_recording(
    source: CtmSource,
    secrets: SecretBox,
    principal: Principal,
    call_id: str,
    byte_range: str | None,
) -> Recording:
    key, secret_key = await opened_key(CtmKey, "CallTrackingMetrics", secrets, principal)
    return await source.open_recording(
        key.access_key, secret_key, key.ctm_account_id, call_id, byte_range
    )
