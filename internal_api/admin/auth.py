"""Who may use the admin: a platform operator, as the router says on the token (their user's
platform flag), never in a read-only view as someone else."""

from typing import Annotated

from fastapi import Depends

from internal_api.admin.errors import OperatorOnly
from shared.utilities.auth import CurrentUser, Principal


async def operator(principal: CurrentUser) -> Principal:
    if not principal.operator or principal.impersonated_by:
        raise OperatorOnly()
    return principal


Operator = Annotated[Principal, Depends(operator)]
