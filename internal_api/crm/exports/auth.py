"""Who may export contacts: a caller who may read them."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ExportsRead = Annotated[Principal, Depends(requires("contacts:read"))]
