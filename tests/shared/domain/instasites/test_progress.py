"""An InstaSite's progress is written and told on the general socket to its account's room."""

from shared.domain.instasites.progress import EVENT, advance
from shared.models.instasite import Instasite, InstasiteStatus
from shared.utilities.realtime import Socket, account_room
from tests.factories import create_account
from tests.instasite_factories import create_instasite


async def test_a_step_is_stored_and_told_to_the_accounts_dashboards(outbox):
    instasite = await create_instasite(await create_account())

    await advance(instasite, InstasiteStatus.READY, 100, preview_url="https://preview.test/s")

    stored = await Instasite.get(instasite.id)
    assert (stored.status, stored.progress, stored.preview_url) == (
        InstasiteStatus.READY,
        100,
        "https://preview.test/s",
    )
    [told] = outbox.emits
    assert (told.socket, told.event, told.room) == (
        Socket.GENERAL,
        EVENT,
        account_room(instasite.account_id),
    )
    assert told.data == {
        "id": str(instasite.id),
        "status": "ready",
        "progress": 100,
        "preview_url": "https://preview.test/s",
        "failure": None,
    }
