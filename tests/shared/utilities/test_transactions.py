"""`db.transaction()`: a MongoDB transaction where the server runs them (a replica set, a
sharded cluster's router), joined by every driver call made inside it; on the in-memory
database the block runs as it is and its `undo` is awaited when it fails."""

from types import SimpleNamespace

import pytest

from shared.models.account import Account
from shared.utilities import db


class Failed(Exception):
    pass


async def test_a_block_that_fails_is_undone_on_the_in_memory_database(mongo):
    undone = []

    async def undo() -> None:
        undone.append(True)
        await Account.find({"name": "Half-way"}).delete()

    with pytest.raises(Failed):
        async with db.transaction(undo=undo):
            await Account(name="Half-way").insert()
            raise Failed()

    assert undone == [True]
    assert await Account.find({"name": "Half-way"}).count() == 0


async def test_a_block_that_succeeds_is_not_undone(mongo):
    undone = []

    async def undo() -> None:
        undone.append(True)

    async with db.transaction(undo=undo):
        await Account(name="Whole").insert()

    assert undone == []
    assert await Account.find({"name": "Whole"}).count() == 1


class Collection:
    """A driver collection's shape: methods taking `session=`."""

    def find(self, filter_=None, session=None):
        return session

    def insert_one(self, document, session=None):
        return session

    def __getattr__(self, name):
        return lambda *args, session=None, **kwargs: session


def test_inside_a_transaction_driver_calls_join_its_session():
    class Joining(Collection):
        pass

    for name in db.SESSION_METHODS:
        setattr(Joining, name, getattr(Collection, name, Collection.find))
    db.join_the_transaction(Joining)
    collection = Joining()

    token = db._session.set("the transaction")  # type: ignore[arg-type]
    try:
        inside = collection.insert_one({}), collection.find({})
        told = collection.find({}, session="another")
    finally:
        db._session.reset(token)
    outside = collection.find({})

    assert inside == ("the transaction", "the transaction")
    assert told == "another"
    assert outside is None


def connection_answering(hello: dict) -> db.Connection:
    async def command(name: str) -> dict:
        return hello

    client = SimpleNamespace(admin=SimpleNamespace(command=command))
    return db.Connection(client=client, database=None, in_memory=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hello", "runs"),
    [({"setName": "rs0"}, True), ({"msg": "isdbgrid"}, True), ({"isWritablePrimary": True}, False)],
)
async def test_a_replica_set_or_a_cluster_runs_transactions_a_single_server_does_not(hello, runs):
    assert await db.runs_transactions(connection_answering(hello)) is runs
