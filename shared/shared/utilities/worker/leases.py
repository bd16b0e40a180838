"""Keeping the claims of the running bodies alive: one renewal for all of them, every third of
the lease, so only a dead worker's claim lapses (and is taken over)."""

import asyncio
import logging

from shared.utilities.worker.claims import ClaimStore

logger = logging.getLogger(__name__)


class LeaseKeeper:
    """The claims held on one loop; the renewing task starts with the first one held."""

    def __init__(self, claims: ClaimStore, owner: str, lease_seconds: float) -> None:
        self.claims = claims
        self.owner = owner
        self.lease_seconds = lease_seconds
        self.held: set[str] = set()
        self.renewer: asyncio.Task | None = None

    def hold(self, task_id: str) -> None:
        self.held.add(task_id)
        if self.renewer is None or self.renewer.done():
            self.renewer = asyncio.create_task(self.renew_forever(), name="claim-leases")

    def drop(self, task_id: str) -> None:
        self.held.discard(task_id)

    async def renew_forever(self) -> None:
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            if not self.held:
                continue
            try:
                await self.claims.renew(list(self.held), self.owner, self.lease_seconds)
            except Exception:
                logger.exception("could not renew the claims of %d tasks", len(self.held))

    async def close(self) -> None:
        if self.renewer is not None:
            self.renewer.cancel()
