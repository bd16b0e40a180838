"""Rotating the encryption keys: with a new key put first in INTEGRATIONS_ENCRYPTION_KEYS, every
stored secret still opens (all keys open) and is sealed with the new key on its next write;
`reseal_all` re-seals everything at once so the old key can then be removed."""

from collections.abc import Sequence

from external_api.integrations.framework.provider import Provider
from shared.utilities.encryption import SecretBox


async def reseal_all(providers: Sequence[Provider], box: SecretBox) -> dict[str, int]:
    """How many credentials of each provider were sealed again with the first key."""
    resealed = {}
    for provider in providers:
        count = 0
        async for credential in provider.credential.find_all():
            credential.reseal(box.rotate)
            await credential.save()
            count += 1
        resealed[provider.name] = count
    return resealed
