"""InstaReports go with the account's existing scopes (a new scope would reach no member):
reading `reports:read`, ordering one and sharing it `contacts:write` (members and up)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

InstaReportsRead = Annotated[Principal, Depends(requires("reports:read"))]
InstaReportsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
