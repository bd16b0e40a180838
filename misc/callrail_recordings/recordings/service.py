"""A call's recording, read from CallRail with the key the caller's account connected.

Tenancy comes from the key: CallRail answers 404 for a call of any other CallRail account, so
another tenant's call answers exactly like a missing one.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from misc.callrail_recordings.recordings.repository import CallrailKeyRepository
from shared.utilities.auth import Principal
from shared.utilities.encryption import SecretBox, SecretUnreadable
from shared.utilities.errors import Conflict


class NotConnected(Conflict):
    """The account has not connected CallRail (the external API's code for the same case)."""

    code = "not_connected"


class ReconnectNeeded(Conflict):
    """CallRail refuses the account's key, or it cannot be read: connect CallRail again."""

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


async def open_recording(
    source: RecordingSource,
    secrets: SecretBox,
    principal: Principal,
    call_id: str,
    byte_range: str | None,
) -> Recording:
    key = await CallrailKeyRepository(principal.account_id).the_key()
    if key is None:
        raise NotConnected("Connect CallRail first: this account has no CallRail API key.")
    try:
        api_key = secrets.open(key.api_key)  # sealed by the external API
    except SecretUnreadable:
        raise ReconnectNeeded(
            "This account's CallRail key cannot be read: reconnect CallRail."
        ) from None
    return await source.open_recording(api_key, key.callrail_account_id, call_id, byte_range)
