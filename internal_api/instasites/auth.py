"""Who may build and claim InstaSites: a Duda site made in the platform's partner account, on
the agency's bill, is the account's admins' to ask for; anyone who sees the account may look."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

InstasitesRead = Annotated[Principal, Depends(requires("account:read"))]
InstasitesAdmin = Annotated[Principal, Depends(requires("account:write"))]
