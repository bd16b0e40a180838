"""A provider's list-sync endpoints, made once for every provider: a list synced with a CRM
tag (set up, listed, run again, removed) and the queue manager's runs
(`/v1/e/{provider}/audience-syncs/{sync_id}/run`, what `email_lists.sync` calls)."""

from typing import Annotated

from fastapi import APIRouter, Depends, status

from external_api.integrations.email_lists.schemas import (
    AudienceSyncCreate,
    AudienceSyncRead,
    ListId,
    SyncRunCreate,
    SyncRunRead,
)
from external_api.integrations.email_lists.service import EmailLists
from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from shared.models.email_list_sync import EmailListSync
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]


def add_list_sync_routes(
    router: APIRouter, lists: EmailLists, path: str, title: str, watched: str
) -> None:
    """`path`: the lists' (`/audiences`); `title`: a list's name in summaries ("a Mailchimp
    audience"); `watched`: how the list's unsubscribes come back, for the set-up's description."""
    sync = f"{path}/{{list_id}}/sync"

    @router.put(
        sync,
        summary=f"Sync a CRM tag's contacts to {title}",
        description=f"{watched} A whole run is queued; a synced list changes tag.",
        response_model=AudienceSyncRead,
        responses=error_responses(
            Unauthorized, Forbidden, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS
        ),
    )
    async def set_up_sync(
        list_id: ListId,
        body: AudienceSyncCreate,
        principal: IntegrationsWrite,
        integrations: IntegrationsDep,
    ) -> EmailListSync:
        return await lists.set_up(integrations, principal.account_id, list_id, body.tag)

    @router.get(
        "/audience-syncs",
        summary="The account's synced lists, with what each last run did",
        response_model=Page[AudienceSyncRead],
        responses=error_responses(Unauthorized, Forbidden, InvalidInput),
    )
    async def list_syncs(principal: IntegrationsRead, params: Paging) -> Page[EmailListSync]:
        return await lists.list_syncs(principal.account_id, params)

    @router.post(
        f"{sync}/run",
        status_code=status.HTTP_202_ACCEPTED,
        summary="Queue a whole run of a list's sync",
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def run_again(list_id: ListId, principal: IntegrationsWrite) -> dict[str, bool]:
        await lists.run_again(principal.account_id, list_id)
        return {"queued": True}

    @router.delete(
        sync,
        status_code=status.HTTP_204_NO_CONTENT,
        summary=f"Stop syncing {title} (its members stay there)",
        responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
    )
    async def remove_sync(
        list_id: ListId, principal: IntegrationsWrite, integrations: IntegrationsDep
    ) -> None:
        await lists.remove(integrations, principal.account_id, list_id)

    @router.post(
        "/audience-syncs/{sync_id}/run",
        summary="Run a sync: one contact's change, or the whole tag (the queue manager only)",
        responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
    )
    async def run_sync(
        sync_id: DocumentId,
        body: SyncRunCreate,
        caller: QueueManager,
        integrations: IntegrationsDep,
    ) -> SyncRunRead:
        return await lists.run(integrations, body.account_id, sync_id, body.contact_id)
