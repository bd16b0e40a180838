"""Who may read the account's templates, and who may change them (its admins)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

TemplatesRead = Annotated[Principal, Depends(requires("notifications:read"))]
TemplatesAdmin = Annotated[Principal, Depends(requires("account:write"))]
