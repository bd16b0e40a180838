"""Who may use live chat's routes: admins manage the widget keys; the team reads prospects and
confirms who they are (which links a CRM contact)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

WidgetsAdmin = Annotated[Principal, Depends(requires("account:write"))]
ProspectsRead = Annotated[Principal, Depends(requires("conversations:read"))]
ProspectsWrite = Annotated[Principal, Depends(requires("conversations:write", "contacts:write"))]
