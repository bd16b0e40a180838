"""What the engine asks of a provider's list: the one interface each adapter implements."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from external_api.integrations.email_lists.members import Wanted
from external_api.integrations.framework.runtime import Integrations


@dataclass
class Written:
    """What the provider did not take as sent: the addresses it refused, those it holds
    already (left as they are, their fields sent on the next run), and those it holds as
    unsubscribed (kept so, never subscribed by the sync)."""

    refused: set[str] = field(default_factory=set)
    existing: set[str] = field(default_factory=set)
    unsubscribed: set[str] = field(default_factory=set)


class ListAdapter(Protocol):
    async def watch(self, list_id: str) -> str:
        """The list's unsubscribes sent back (the provider's webhook id; "" without one)."""

    async def unwatch(self, list_id: str, webhook_id: str) -> None: ...

    async def add(self, list_id: str, wanted: list[Wanted], subscribed: bool) -> Written:
        """New members, subscribed (never updating an address the provider holds) or not
        (an address it holds unsubscribed)."""

    async def update(self, list_id: str, one: Wanted) -> None:
        """A subscribed member's names, never its consent."""

    async def remove(self, list_id: str, email: str) -> None:
        """The member off the list (already gone is fine)."""


Connect = Callable[[Integrations, str], Awaitable[ListAdapter]]
