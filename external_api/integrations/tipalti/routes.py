"""/v1/e/tipalti: the account's Tipalti as the internal API (onboarding an affiliate) and the
queue manager (payouts) use it; a service call names the account in its path. The account
connects with `PUT /v1/e/tipalti/key` (its API app's client id and secret, its master key and
payer name)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.tipalti import service
from external_api.integrations.tipalti.schemas import (
    BatchCreate,
    BatchRead,
    BatchStatusRead,
    OnboardingRead,
    PayeeCreate,
    PayeeRead,
)
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
Services = Annotated[Principal, Depends(requires_service("internal_api", "queue_manager"))]
ProviderId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,100}$")]
ERRORS = (Unauthorized, Forbidden, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS)


@router.post(
    "/accounts/{account_id}/payees",
    response_model=OnboardingRead,
    summary="Make a payee and its onboarding iFrame link (services only)",
    responses=error_responses(*ERRORS),
)
async def onboard_payee(
    account_id: DocumentId, body: PayeeCreate, caller: Services, integrations: IntegrationsDep
) -> OnboardingRead:
    return await service.onboard_payee(integrations, account_id, body)


@router.get(
    "/accounts/{account_id}/payees/{payee_id}",
    response_model=PayeeRead,
    summary="A payee's status: whether Tipalti may pay it (services only)",
    responses=error_responses(*ERRORS),
)
async def read_payee(
    account_id: DocumentId, payee_id: ProviderId, caller: Services, integrations: IntegrationsDep
) -> PayeeRead:
    return await service.payee_status(integrations, account_id, payee_id)


@router.post(
    "/accounts/{account_id}/payment-batches",
    response_model=BatchRead,
    summary="Submit a batch of payments (services only)",
    responses=error_responses(*ERRORS),
)
async def submit_batch(
    account_id: DocumentId, body: BatchCreate, caller: Services, integrations: IntegrationsDep
) -> BatchRead:
    return await service.submit_batch(integrations, account_id, body)


@router.get(
    "/accounts/{account_id}/payment-batches/{batch_id}",
    response_model=BatchStatusRead,
    summary="The status of each payment of a batch (services only)",
    responses=error_responses(*ERRORS),
)
async def read_batch(
    account_id: DocumentId, batch_id: ProviderId, caller: Services, integrations: IntegrationsDep
) -> BatchStatusRead:
    return await service.batch_status(integrations, account_id, batch_id)
