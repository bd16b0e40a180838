"""Who may import contacts: a caller who may write them."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ImportsWrite = Annotated[Principal, Depends(requires("contacts:write"))]
