"""Who may see and change the account's business profile: what its public websites say of it
is an account admin's to change; anyone's who sees the account to read."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

ProfileRead = Annotated[Principal, Depends(requires("account:read"))]
ProfileAdmin = Annotated[Principal, Depends(requires("account:write"))]
