"""Who may read and manage the active account and its people."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires, verified

AccountsRead = Annotated[Principal, Depends(requires("account:read"))]
AccountsAdmin = Annotated[Principal, Depends(requires("account:write"))]
# Creating sub-accounts waits until the agency's owner has confirmed their email.
SubAccountsCreate = Annotated[Principal, Depends(verified(requires("account:write")))]
UsersRead = Annotated[Principal, Depends(requires("users:read"))]
UsersAdmin = Annotated[Principal, Depends(requires("users:write"))]
