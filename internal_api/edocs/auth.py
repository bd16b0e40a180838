"""Who may read and send documents: a document goes to the account's contacts (and may win a
deal), so e-documents go with contacts' scopes."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

EdocsRead = Annotated[Principal, Depends(requires("contacts:read"))]
EdocsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
