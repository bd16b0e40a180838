"""Who may read and build forms: a form writes contacts (and reads them back in its
submissions), so forms go with contacts' scopes."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

FormsRead = Annotated[Principal, Depends(requires("contacts:read"))]
FormsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
