"""`python -m external_api.rotate_keys`: every provider secret sealed again with the first of
INTEGRATIONS_ENCRYPTION_KEYS, after which the keys behind it can be removed."""

import asyncio
import json

from external_api.integrations.framework.rotation import reseal_all
from external_api.integrations.registry import PROVIDERS
from external_api.settings import ExternalApiSettings
from shared.utilities import db
from shared.utilities.encryption import configured_box
from shared.utilities.settings import load_settings


async def main() -> None:
    settings = load_settings(ExternalApiSettings)
    await db.connect(settings.mongo_url, initiator="rotate_keys", database=settings.mongo_db)
    try:
        box = configured_box(settings.encryption_keys, settings.mode)
        print(json.dumps(await reseal_all(PROVIDERS, box)))
    finally:
        await db.disconnect("rotate_keys")


if __name__ == "__main__":
    asyncio.run(main())
