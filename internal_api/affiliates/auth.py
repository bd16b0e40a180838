"""The programme is money: its owners and admins run it (billing scopes)."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

AffiliatesRead = Annotated[Principal, Depends(requires("billing:read"))]
AffiliatesAdmin = Annotated[Principal, Depends(requires("billing:write"))]
