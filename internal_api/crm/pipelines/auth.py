"""Who may read and change pipelines: the deals' scopes, as pipelines are where deals stand."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

PipelinesRead = Annotated[Principal, Depends(requires("deals:read"))]
PipelinesWrite = Annotated[Principal, Depends(requires("deals:write"))]
