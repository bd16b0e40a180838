"""Rules act on the whole account, so managing them is an account-level power."""

from typing import Annotated

from fastapi import Depends

from shared.utilities.auth import Principal, requires

AutomationsAdmin = Annotated[Principal, Depends(requires("account:write"))]
