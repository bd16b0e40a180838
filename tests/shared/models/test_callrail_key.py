"""An account's CallRail key: one per account."""

import pytest
from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.callrail_key import CallrailKey


async def test_an_account_holds_one_callrail_key_at_most(mongo):
    account_id = PydanticObjectId()
    await CallrailKey(account_id=account_id, api_key="k1", key_hint="", external_id="ACC1").insert()

    with pytest.raises(DuplicateKeyError):
        await CallrailKey(
            account_id=account_id, api_key="k2", key_hint="", external_id="ACC2"
        ).insert()


def test_the_callrail_account_id_is_the_connections_external_id():
    key = CallrailKey(account_id=PydanticObjectId(), api_key="k", key_hint="", external_id="ACC9")

    assert key.callrail_account_id == "ACC9"
