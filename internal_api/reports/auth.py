"""Who may read and define client reports. Scopes are stored on each membership, so a new scope
would reach no existing member: reading takes `reports:read` (every user, clients included:
a report is what a client is shown), defining, sharing and scheduling `contacts:write`
(members and up, never a client)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ReportsRead = Annotated[Principal, Depends(requires("reports:read"))]
ReportsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
