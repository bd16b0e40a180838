"""The MongoDB connection of a process, shared by every service that runs in it.

Beanie binds models to one database per process, so the connection is process-wide: each
service `connect`s under its own name and `disconnect`s when it stops; the client closes when
the last one has gone. With no URI the database is in memory (mongomock-motor), which is how
the embedded mode and the tests run.

Writes to several documents that must all happen or none run in `transaction()`: a MongoDB
transaction on a replica set (what docker compose and Kubernetes run), joined by every read
and write made inside the block whatever module makes it (see `join_the_transaction`).
"""

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from beanie import init_beanie
from motor.motor_asyncio import (
    AsyncIOMotorClient,
    AsyncIOMotorClientSession,
    AsyncIOMotorCollection,
    AsyncIOMotorDatabase,
)
from pymongo import monitoring
from pymongo.errors import PyMongoError

from shared.models import ALL_MODELS
from shared.utilities.beanie_adapters import reuse_type_adapters

logger = logging.getLogger(__name__)

DEFAULT_OPTIONS: dict[str, Any] = {
    "maxPoolSize": 10,
    "serverSelectionTimeoutMS": 5000,
    "tz_aware": True,
}
LIFECYCLE_EVENTS = ("connecting", "connected", "reconnected", "disconnected", "closed", "error")

EventHandler = Callable[[str, dict[str, Any]], None]


@dataclass
class Connection:
    client: Any
    database: AsyncIOMotorDatabase
    in_memory: bool
    initiators: set[str] = field(default_factory=set)
    handlers: dict[str, EventHandler] = field(default_factory=dict)
    transactions: bool | None = None  # whether the server runs them; asked on first use

    def emit(self, event: str, **info: Any) -> None:
        handler = self.handlers.get(event)
        if handler:
            handler(event, info)
        else:
            level = logging.ERROR if event == "error" else logging.INFO
            logger.log(level, "mongodb %s", event, extra={"event": event, **info})


_connection: Connection | None = None


class LifecycleListener(monitoring.ServerListener, monitoring.ServerHeartbeatListener):
    """Turns pymongo's monitoring events into the lifecycle events we log."""

    def __init__(self, notify: Callable[..., None]) -> None:
        self.notify = notify
        self.seen_up = False
        self.down = False

    def opened(self, event: monitoring.ServerOpeningEvent) -> None:
        pass

    def closed(self, event: monitoring.ServerClosedEvent) -> None:
        pass

    def description_changed(self, event: monitoring.ServerDescriptionChangedEvent) -> None:
        was_known = event.previous_description.is_server_type_known
        is_known = event.new_description.is_server_type_known
        address = "{}:{}".format(*event.server_address)
        if is_known and not was_known:
            self.notify("reconnected" if self.seen_up else "connected", address=address)
            self.seen_up = True
        elif was_known and not is_known:
            self.notify("disconnected", address=address)

    def started(self, event: monitoring.ServerHeartbeatStartedEvent) -> None:
        pass

    def succeeded(self, event: monitoring.ServerHeartbeatSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.ServerHeartbeatFailedEvent) -> None:
        address = "{}:{}".format(*event.connection_id)
        self.notify("error", address=address, reason=str(event.reply))


async def connect(
    uri: str = "",
    initiator: str = "platform",
    options: dict[str, Any] | None = None,
    override_events: dict[str, EventHandler] | None = None,
    database: str = "platform",
) -> AsyncIOMotorDatabase:
    """Connect (or join the process's connection) and initialise Beanie with every model.

    `override_events` replaces the default log line of any lifecycle event with a callback.
    """
    global _connection, _beanie_database
    if _connection is not None:
        _connection.initiators.add(initiator)
        _connection.emit("connected", initiator=initiator, shared=True)
        return _connection.database

    reuse_type_adapters()
    handlers = dict(override_events or {})
    unknown = set(handlers) - set(LIFECYCLE_EVENTS)
    if unknown:
        raise ValueError(f"unknown MongoDB lifecycle events: {', '.join(sorted(unknown))}")
    # Client and database are set once connected; until then nothing reads them.
    pending = Connection(client=None, database=None, in_memory=not uri, handlers=handlers)  # type: ignore[arg-type]

    def notify(event: str, **info: Any) -> None:
        pending.emit(event, initiator=initiator, **info)

    notify("connecting", in_memory=pending.in_memory)
    if pending.in_memory:
        logger.warning(
            "MONGO_URL is empty: using an in-memory MongoDB; data lasts as long as the process"
        )
        pending.client, pending.database, ready = in_memory_database(database)
    else:
        pending.client = create_client(uri, options, LifecycleListener(notify))
        pending.database, ready = pending.client[database], False
    try:
        if not ready:
            await init_beanie(database=pending.database, document_models=ALL_MODELS)
    except Exception as error:
        notify("error", reason=str(error))
        pending.client.close()
        raise
    _beanie_database = pending.database
    if pending.in_memory:
        notify("connected", in_memory=True)
    pending.initiators.add(initiator)
    _connection = pending
    return pending.database


# The in-memory database outlives its connections, as its data does: a reconnect in the same
# process (a service restarted in it, every test) finds Beanie still set up on it, which
# otherwise costs most of a second for every model.
_in_memory: tuple[Any, AsyncIOMotorDatabase] | None = None
_beanie_database: AsyncIOMotorDatabase | None = None  # the one Beanie was last set up on


def in_memory_database(name: str) -> tuple[Any, AsyncIOMotorDatabase, bool]:
    """The process's in-memory client and database `name`, and whether Beanie is set up on it."""
    global _in_memory
    if _in_memory is None or _in_memory[1].name != name:
        from mongomock_motor import AsyncMongoMockClient

        client: Any = AsyncMongoMockClient(tz_aware=True)
        _in_memory = (client, client[name])
    return *_in_memory, _beanie_database is _in_memory[1]


def create_client(
    uri: str, options: dict[str, Any] | None, listener: LifecycleListener
) -> AsyncIOMotorClient:
    return AsyncIOMotorClient(
        uri, event_listeners=[listener], **{**DEFAULT_OPTIONS, **(options or {})}
    )


def is_connected() -> bool:
    return _connection is not None


def get_database() -> AsyncIOMotorDatabase:
    if _connection is None:
        raise RuntimeError("MongoDB is not connected; call shared.utilities.db.connect first")
    return _connection.database


async def ping() -> bool:
    """Whether the database answers now."""
    if _connection is None:
        return False
    try:
        await _connection.database.command("ping")
    except Exception:
        return False
    return True


async def disconnect(initiator: str = "platform") -> None:
    """Leave the connection; the client closes when its last initiator has left."""
    global _connection
    if _connection is None or initiator not in _connection.initiators:
        return
    _connection.initiators.discard(initiator)
    if _connection.initiators:
        return
    connection, _connection = _connection, None
    connection.client.close()
    connection.emit("closed", initiator=initiator)


# The transaction the current block runs in (`transaction()`), for every driver call to join.
_session: ContextVar[AsyncIOMotorClientSession | None] = ContextVar("mongo_session", default=None)

# Every collection method taking a `session`: inside a transaction each joins it unless told
# otherwise, so a domain function called in the block (a membership written, a state read
# back) needs no session passed down to it.
SESSION_METHODS = (
    "find",
    "find_one",
    "find_one_and_update",
    "find_one_and_replace",
    "find_one_and_delete",
    "insert_one",
    "insert_many",
    "update_one",
    "update_many",
    "replace_one",
    "delete_one",
    "delete_many",
    "count_documents",
    "distinct",
    "aggregate",
    "bulk_write",
)


def join_the_transaction(collection_class: type = AsyncIOMotorCollection) -> None:
    """Wrap the driver's collection methods so that, called without a session inside
    `transaction()`, they run in its session (once per process)."""
    if getattr(collection_class, "_joins_transactions", False):
        return
    for name in SESSION_METHODS:
        method = getattr(collection_class, name)
        setattr(collection_class, name, _joining(method))
    collection_class._joins_transactions = True  # type: ignore[attr-defined]  # our own mark


def _joining(method: Callable[..., Any]) -> Callable[..., Any]:
    def joined(self: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("session") is None and (session := _session.get()) is not None:
            kwargs["session"] = session
        return method(self, *args, **kwargs)

    joined.__name__ = getattr(method, "__name__", "joined")
    joined.__doc__ = method.__doc__
    return joined


async def runs_transactions(connection: Connection) -> bool:
    """A replica set's members and a sharded cluster's routers run transactions; a single
    server does not (and neither does the in-memory database)."""
    if connection.transactions is None:
        if connection.in_memory:
            connection.transactions = False
        else:
            hello = await connection.client.admin.command("hello")
            connection.transactions = "setName" in hello or hello.get("msg") == "isdbgrid"
    return connection.transactions


@asynccontextmanager
async def transaction(undo: Callable[[], Awaitable[None]] | None = None) -> AsyncIterator[None]:
    """The block's MongoDB writes all happen, or none does.

    On a replica set, a transaction: committed when the block ends, aborted when it raises.
    Without one (the in-memory database, a single server) the block runs as it is and, when it
    raises, `undo` is awaited to delete what it stored (written to be harmless for whatever the
    block did not get to). A transaction inside another is part of it. Only MongoDB is rolled
    back: Redis writes and socket emits are not, and jobs wait in the outbox for the request.
    """
    if _session.get() is not None:
        yield
        return
    connection = _connection
    if connection is None or not await runs_transactions(connection):
        try:
            yield
        except BaseException:
            if undo is not None:
                await undo()
            raise
        return
    join_the_transaction()
    async with await connection.client.start_session() as session, session.start_transaction():
        token = _session.set(session)
        try:
            yield
        finally:
            _session.reset(token)


def conflicted(error: BaseException) -> bool:
    """Whether `error` ended a transaction that another one got in the way of (it wrote a
    document this one writes): MongoDB labels it `TransientTransactionError`, to be tried again
    (by then the other may have made this one's write needless)."""
    return isinstance(error, PyMongoError) and error.has_error_label("TransientTransactionError")
