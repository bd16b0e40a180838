"""Who may use the library: reading it, `account:read` (every user); adding, changing and
deleting the account's own templates and making funnels from any, `contacts:write` (members
and up), as building funnels takes."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

TemplatesRead = Annotated[Principal, Depends(requires("account:read"))]
TemplatesWrite = Annotated[Principal, Depends(requires("contacts:write"))]
