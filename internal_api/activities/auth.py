"""Reading the account's activity log takes reading both contacts and deals."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ActivitiesRead = Annotated[Principal, Depends(requires("contacts:read", "deals:read"))]
