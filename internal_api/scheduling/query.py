"""Ids given in a list's query string (`?host_id=`): one that cannot be an id is named, not
taken for no filter."""

from beanie import PydanticObjectId

from shared.utilities.errors import InvalidInput
from shared.utilities.repository import object_id


def query_id(value: str | None, name: str) -> PydanticObjectId | None:
    if value is None:
        return None
    if (oid := object_id(value)) is None:
        details = [{"field": name, "message": "not an id"}]
        raise InvalidInput(f"{name} is not an id.", details=details, location="query")
    return oid
