"""The sync origin marker: while the sync writes a CRM's change into a contact, the contact's
change is not pushed back to that CRM (it came from there), only to the account's other CRMs."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_writing_from: ContextVar[str | None] = ContextVar("crm_sync_writing_from", default=None)


@contextmanager
def writing_from(provider: str) -> Iterator[None]:
    token = _writing_from.set(provider)
    try:
        yield
    finally:
        _writing_from.reset(token)


def written_by_sync_from() -> str | None:
    """The CRM whose change is being written, while the sync writes one."""
    return _writing_from.get()
