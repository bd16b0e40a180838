"""The process's MongoDB connection: shared by initiators, closed by the last one."""

import logging

import pytest
from beanie import PydanticObjectId
from pydantic import TypeAdapter
from pymongo import monitoring
from pymongo.errors import ServerSelectionTimeoutError
from pymongo.hello import Hello
from pymongo.server_description import ServerDescription

from shared.models.crm_tag import CrmTag as Tag
from shared.utilities import db


async def test_connect_without_a_url_uses_an_in_memory_database_and_says_so(caplog):
    with caplog.at_level(logging.INFO, logger="shared.utilities.db"):
        await db.connect("", initiator="billing")
    try:
        assert db.is_connected()
        assert await db.ping()
        messages = [record.getMessage() for record in caplog.records]
        assert any("in-memory MongoDB" in message for message in messages)
        assert "mongodb connecting" in messages
        assert caplog.records[0].initiator == "billing"
    finally:
        await db.disconnect("billing")


async def test_the_connection_closes_only_when_its_last_initiator_leaves():
    await db.connect("", initiator="crm")
    await db.connect("", initiator="billing")

    await db.disconnect("crm")
    still_connected = db.is_connected()
    await db.disconnect("billing")

    assert still_connected
    assert not db.is_connected()


async def test_initiators_share_one_database():
    first = await db.connect("", initiator="crm")
    second = await db.connect("", initiator="billing")
    try:
        await first["probe"].insert_one({"seen": True})
        assert await second["probe"].count_documents({}) == 1
    finally:
        await db.disconnect("crm")
        await db.disconnect("billing")


async def test_override_events_replace_the_default_log_line():
    seen = []

    await db.connect(
        "", initiator="crm", override_events={"closed": lambda event, info: seen.append(info)}
    )
    await db.disconnect("crm")

    assert seen == [{"initiator": "crm"}]


async def test_an_unknown_event_name_is_refused():
    try:
        await db.connect("", initiator="crm", override_events={"exploded": print})
    except ValueError as error:
        assert "exploded" in str(error)
    else:
        raise AssertionError("an unknown event was accepted")
    assert not db.is_connected()


async def test_ping_is_false_when_not_connected():
    assert not await db.ping()


def server_change(was: str | None, now: str | None):
    def description(kind):
        reply = {"ok": 1, "isWritablePrimary": True, "maxWireVersion": 21} if kind else None
        return ServerDescription(("mongo", 27017), hello=Hello(reply) if reply else None)

    return monitoring.ServerDescriptionChangedEvent(
        description(was), description(now), ("mongo", 27017), None
    )


def test_the_listener_names_connected_disconnected_and_reconnected():
    events = []
    listener = db.LifecycleListener(lambda event, **info: events.append((event, info)))

    listener.description_changed(server_change(None, "primary"))
    listener.description_changed(server_change("primary", None))
    listener.description_changed(server_change(None, "primary"))

    assert [event for event, _ in events] == ["connected", "disconnected", "reconnected"]
    assert events[0][1] == {"address": "mongo:27017"}


def test_the_listener_reports_a_failed_heartbeat_as_an_error():
    events = []
    listener = db.LifecycleListener(lambda event, **info: events.append((event, info)))

    listener.failed(
        monitoring.ServerHeartbeatFailedEvent(0.1, ConnectionError("refused"), ("mongo", 27017))
    )

    assert events == [("error", {"address": "mongo:27017", "reason": "refused"})]


def test_a_real_client_has_a_pool_of_ten_and_the_lifecycle_listener():
    listener = db.LifecycleListener(lambda event, **info: None)

    client = db.create_client("mongodb://127.0.0.1:1/?connect=false", None, listener)

    assert client.options.pool_options.max_pool_size == 10
    assert listener in client.options.event_listeners
    client.close()


async def test_a_failed_connect_reports_an_error_and_leaves_nothing_connected():
    errors = []

    with pytest.raises(ServerSelectionTimeoutError):
        await db.connect(
            "mongodb://127.0.0.1:1/",
            initiator="crm",
            options={"serverSelectionTimeoutMS": 100},
            override_events={"error": lambda event, info: errors.append(info)},
        )

    assert not db.is_connected()
    assert errors and errors[-1]["initiator"] == "crm"


async def test_reading_and_inserting_documents_builds_no_type_adapter_each_time(mongo, monkeypatch):
    first = Tag(account_id=PydanticObjectId(), name="first")
    await first.insert()
    await Tag.get(str(first.id))  # the adapters for the id's type, built once
    built: list[object] = []
    build = TypeAdapter.__init__

    def counted(self, *args, **kwargs) -> None:
        built.append(args[0])
        build(self, *args, **kwargs)

    monkeypatch.setattr(TypeAdapter, "__init__", counted)

    await Tag(account_id=first.account_id, name="second").insert()
    found = [await Tag.get(str(first.id)) for _ in range(3)]

    assert built == []
    assert [tag.name for tag in found if tag] == ["first"] * 3
