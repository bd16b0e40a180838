"""Who may read and write deals: the caller, with the deals of the account they see."""

from typing import Annotated

from fastapi import Depends

from internal_api.crm.visibility import Caller, caller_for
from shared.domain.deals.repository import DealRepository

DealsCaller = Caller[DealRepository]

DealsRead = Annotated[DealsCaller, Depends(caller_for(DealRepository, "deals:read"))]
DealsWrite = Annotated[DealsCaller, Depends(caller_for(DealRepository, "deals:write"))]
