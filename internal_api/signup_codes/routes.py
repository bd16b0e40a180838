"""The active agency's signup codes: making, listing and revoking them. Signing up with one is
`POST /v1/auth/signup` with `signup_code`."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.accounts.auth import AccountsAdmin
from internal_api.accounts.errors import NotAnAgency
from internal_api.extended import Extended
from internal_api.signup_codes import service
from internal_api.signup_codes.repository import SignupCodeRepository
from internal_api.signup_codes.schemas import SignupCodeCreate, SignupCodeCreated, SignupCodeRead
from shared.models.account_signup_code import AccountSignupCode
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/accounts/signup-codes", tags=["accounts"])

SignupCodePaging = Annotated[PageParams, Depends(sorted_by(SignupCodeRepository.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=SignupCodeCreated,
    summary="Make a signup code for clients of the active agency",
    description="Whoever signs up with the code (`POST /v1/auth/signup`, `signup_code`) gets "
    "a new sub-account of the agency, as its owner unless `role` says otherwise. The answer "
    "carries the code; only its hash is stored, so it cannot be read again (`hint` tells codes "
    "apart).",
    responses=error_responses(*SIGNED_IN, NotFound, NotAnAgency),
)
async def create_code(
    body: SignupCodeCreate, principal: AccountsAdmin
) -> Extended[AccountSignupCode]:
    return await service.create_code(principal, body)


@router.get(
    "",
    response_model=Page[SignupCodeRead],
    summary="The active agency's signup codes, revoked ones included",
    responses=error_responses(*SIGNED_IN),
)
async def list_codes(principal: AccountsAdmin, paging: SignupCodePaging) -> Page[AccountSignupCode]:
    return await service.list_codes(principal, paging)


@router.delete(
    "/{code_id}",
    status_code=204,
    summary="Revoke a signup code",
    description="It stops working at once and stays listed, with its uses.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def revoke_code(code_id: str, principal: AccountsAdmin) -> Response:
    await service.revoke_code(principal, code_id)
    return Response(status_code=204)
