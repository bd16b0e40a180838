"""Who may manage scheduling: bookings make and read contacts, so scheduling goes with
contacts' scopes; a member manages their own schedules, an owner or admin (`account:write`)
anyone's."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

SchedulingRead = Annotated[Principal, Depends(requires("contacts:read"))]
SchedulingWrite = Annotated[Principal, Depends(requires("contacts:write"))]
ACCOUNT_ADMIN = "account:write"
