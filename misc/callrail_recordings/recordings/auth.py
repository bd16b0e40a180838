"""Who may listen to the account's call recordings: users who may read its integrations'
data (a client user, say, may not)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

RecordingsRead = Annotated[Principal, Depends(requires("integrations:read"))]
