"""What a replica set answers the second of two transactions writing one document (the
in-memory database runs no transactions, so the tests raise it themselves)."""

from pymongo.errors import OperationFailure


def write_conflict() -> OperationFailure:
    return OperationFailure(
        "Write conflict during plan execution",
        code=112,
        details={"errorLabels": ["TransientTransactionError"], "codeName": "WriteConflict"},
    )
