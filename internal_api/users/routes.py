from fastapi import APIRouter

from internal_api.users import service
from internal_api.users.schemas import MeRead
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import NotFound, Unauthorized, error_responses

router = APIRouter(prefix="/v1/users", tags=["users"])


@router.get(
    "/me",
    response_model=MeRead,
    summary="The caller, their active account, role and scopes",
    responses=error_responses(Unauthorized, NotFound),
)
async def read_me(principal: CurrentUser) -> service.Me:
    return await service.me(principal)
