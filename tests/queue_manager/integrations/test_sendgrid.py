"""SendGrid's events become the account's platform events `email.<event>`."""

from beanie import PydanticObjectId

from queue_manager.integrations.sendgrid import handle
from tests.external_api.fakes.sendgrid import events


async def test_a_delivery_is_published_as_the_accounts_email_delivered(run, recorded):
    account_id = str(PydanticObjectId())
    [delivered] = events("delivered")
    event = {
        "id": delivered["sg_event_id"],
        "type": "delivered",
        "data": {"account_id": account_id, "event": delivered},
    }

    await run(handle, event)

    [published] = recorded.events()
    assert (published["type"], published["account_id"]) == ("email.delivered", account_id)
    assert published["data"] == delivered
