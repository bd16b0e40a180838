"""The flags the platform knows, each with its default, and how an account's are read and set.

A flag an operator has not set for an account is at its default. A feature gated by a flag
asks `is_enabled(account_id, FLAG)` where it serves, so the choice holds at the next request.
"""

from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.domain.feature_flags.repository import FeatureFlagRepository


@dataclass(frozen=True)
class Flag:
    name: str
    description: str
    default: bool


ASSET_PROXY = Flag(
    "asset_proxy",
    "the dashboard fetches allow-listed third-party fonts and images through the platform "
    "(/v1/cors-proxy); off for an account that abuses it",
    default=True,
)

FLAGS: dict[str, Flag] = {flag.name: flag for flag in (ASSET_PROXY,)}


async def is_enabled(account_id: str | PydanticObjectId, flag: Flag) -> bool:
    stored = await FeatureFlagRepository(account_id).named(flag.name)
    return stored.enabled if stored else flag.default


async def flags_of(account_id: str | PydanticObjectId) -> dict[str, bool]:
    """Every flag the platform knows, as it is for the account."""
    stored = {flag.flag: flag.enabled for flag in await FeatureFlagRepository(account_id).every()}
    return {name: stored.get(name, flag.default) for name, flag in FLAGS.items()}


async def set_flag(
    account_id: str | PydanticObjectId, flag: Flag, enabled: bool, set_by: PydanticObjectId
) -> None:
    await FeatureFlagRepository(account_id).put(flag.name, enabled, set_by)
