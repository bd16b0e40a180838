"""An InstaSite's status and progress, written and told to the account's dashboards on the
general socket (`instasite:progress`), whichever process moves it on."""

from typing import Any

from shared.domain.instasites import repository
from shared.models.instasite import Instasite, InstasiteStatus
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room

EVENT = "instasite:progress"


async def advance(
    instasite: Instasite, status: InstasiteStatus, progress: int, **fields: Any
) -> None:
    await repository.write(instasite, {"status": status.value, "progress": progress, **fields})
    instasite.status = status
    emit(Socket.GENERAL, EVENT, summary(instasite), account_room(instasite.account_id))


def summary(instasite: Instasite) -> dict[str, Any]:
    return {
        "id": str(instasite.id),
        "status": instasite.status.value,
        "progress": instasite.progress,
        "preview_url": instasite.preview_url,
        "failure": instasite.failure,
    }
