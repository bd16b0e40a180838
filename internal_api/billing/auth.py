"""Who may read and write billing: `billing:read` / `billing:write`, the account's owners and
admins (and, in a sub-account, its agency's, who act in it as admins)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

BillingRead = Annotated[Principal, Depends(requires("billing:read"))]
BillingWrite = Annotated[Principal, Depends(requires("billing:write"))]
