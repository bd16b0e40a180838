"""A service's replicas behind a proxy (the router, the gateway): taken in turn, with passive
health checks.

A replica whose connection fails (refused, reset before answering, or not opened in time) is
out for `down_seconds`, then tried again by the next request that comes; one that answers is
in. Nothing probes it in the meantime: the traffic itself is the check, so a proxy with a
hundred upstreams sends no request of its own. When every replica is out, the one out longest
is tried anyway, so a service that comes back is found at once rather than after its wait.

A URL setting names one replica or several, separated by commas:
`ROUTER_INTERNAL_API_URL=http://internal-api-1:5002,http://internal-api-2:5002`.
"""

import functools
import itertools
import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# How long a replica whose connection failed is left out before it is tried again.
DOWN_SECONDS = 5.0


def replica_urls(setting: str) -> list[str]:
    """The base URLs a setting names (one, or several separated by commas)."""
    return [url.strip().rstrip("/") for url in setting.split(",") if url.strip()]


@dataclass(eq=False)
class Replica:
    url: str
    down_until: float = 0.0  # on the clock of its Replicas; 0 while it is up


class Replicas:
    """The replicas of one upstream service, in the order requests take them."""

    def __init__(
        self,
        service: str,
        urls: Sequence[str],
        down_seconds: float = DOWN_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.service = service
        self.members = [Replica(url) for url in urls]
        self.down_seconds = down_seconds
        self.clock = clock
        self.turns = itertools.cycle(range(len(self.members))) if self.members else iter(())

    @classmethod
    def from_setting(cls, service: str, setting: str, down_seconds: float = DOWN_SECONDS):
        return cls(service, replica_urls(setting), down_seconds)

    @property
    def running(self) -> bool:
        """False for a service not started here (its URL setting left empty)."""
        return bool(self.members)

    def pick(self, tried: Collection[Replica] = ()) -> Replica | None:
        """The next replica in turn that is up and not tried yet by this request; when each
        untried one is out, the one out longest; None once every replica was tried."""
        untried = [replica for replica in self.members if replica not in tried]
        if not untried:
            return None
        if len(self.members) == 1:
            return untried[0]
        now = self.clock()
        for _ in range(len(self.members)):
            replica = self.members[next(self.turns)]
            if replica in untried and replica.down_until <= now:
                return replica
        return min(untried, key=lambda replica: replica.down_until)

    def failed(self, replica: Replica) -> None:
        """Its connection failed: out for a while."""
        if replica.down_until == 0.0:
            logger.warning("%s replica %s is out (connection failed)", self.service, replica.url)
        replica.down_until = self.clock() + self.down_seconds

    def answered(self, replica: Replica) -> None:
        """It answered: in (again)."""
        if replica.down_until:
            replica.down_until = 0.0
            logger.warning("%s replica %s is back", self.service, replica.url)

    def by_url(self, url: str) -> Replica | None:
        return next((replica for replica in self.members if replica.url == url), None)


@functools.lru_cache(maxsize=64)
def single(url: str) -> Replicas:
    """The one replica a plain URL names (the gateway's router), kept per URL so its health
    is remembered across requests."""
    return Replicas.from_setting(url, url)
