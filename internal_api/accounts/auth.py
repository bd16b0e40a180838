"""Who may read and manage the active account and its people."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

AccountsRead = Annotated[Principal, Depends(requires("account:read"))]
AccountsAdmin = Annotated[Principal, Depends(requires("account:write"))]
UsersRead = Annotated[Principal, Depends(requires("users:read"))]
UsersAdmin = Annotated[Principal, Depends(requires("users:write"))]
