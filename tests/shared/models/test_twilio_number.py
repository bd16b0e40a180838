"""A Twilio number belongs to one account: how an inbound SMS finds its account."""

import pytest
from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.twilio_number import TwilioNumber


async def test_a_number_is_held_by_one_account_at_most(mongo):
    number = {"phone_number": "+15105647903", "sid": "PN1", "twilio_account_sid": "AC1"}
    await TwilioNumber(account_id=PydanticObjectId(), **number).insert()

    with pytest.raises(DuplicateKeyError):
        await TwilioNumber(account_id=PydanticObjectId(), **number).insert()
