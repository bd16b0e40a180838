"""Queue `integrations` on a real worker and Redis: a provider event the external API enqueued
reaches its provider's handler (here a Facebook lead, fetched from a fake Graph API on a real
port, becoming a contact); an event of a provider without a handler is not retried."""

import pytest
from beanie import PydanticObjectId
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from queue_manager.celery import settings
from queue_manager.integrations import facebook
from queue_manager.queues.integrations import handler_for
from shared.models.contact import Contact
from shared.models.facebook_token import FacebookPage, FacebookToken
from shared.utilities.outbox import collecting, enqueue_job
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK
from shared.utilities.worker import PermanentError
from tests.external_api.conftest import ENCRYPTION_KEY
from tests.external_api.factories import BOX
from tests.external_api.fakes.facebook import lead_answer
from tests.queue_manager.queues.conftest import eventually


class FakeGraph:
    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    async def lead(self, request: Request) -> JSONResponse:
        self.asked.append((request.url.path, request.headers["authorization"]))
        return JSONResponse(lead_answer(request.path_params["lead_id"]))

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/v19.0/{lead_id}", self.lead)])


async def test_a_facebook_lead_event_becomes_a_contact(worker, senders, serve, monkeypatch):
    graph = FakeGraph()
    page = FacebookPage(id="page-1", access_token=BOX.seal("page-token"), leads_subscribed=True)
    connection = await FacebookToken(
        account_id=PydanticObjectId(), access_token=BOX.seal("user"), pages=[page]
    ).insert()
    event = {
        "id": "lead-7",
        "type": "leadgen",
        "data": {"leadgen_id": "lead-7", "page_id": "page-1", "form_id": "5", "ad_id": "4"},
    }
    async with serve(graph.app()) as graph_url:
        monkeypatch.setattr(settings, "facebook_graph_url", graph_url)
        monkeypatch.setattr(settings, "integrations_encryption_keys", ENCRYPTION_KEY)

        async with collecting(senders):
            enqueue_job(
                INTEGRATIONS_PROCESS_WEBHOOK,
                task_id="facebook:lead-7",
                provider="facebook",
                event=event,
            )

        async def contact_made() -> bool:
            return await Contact.find_one({"account_id": connection.account_id}) is not None

        await eventually(contact_made)

    assert graph.asked == [("/v19.0/lead-7", "Bearer page-token")]
    contact = await Contact.find_one({"account_id": connection.account_id})
    assert contact.emails == ["joe@example.com"]


def test_each_provider_module_with_a_handler_is_found():
    assert handler_for("facebook") is facebook.handle


@pytest.mark.parametrize("provider", ["nobody", "contacts", "../celery"])
def test_a_provider_without_a_handler_is_not_retried(provider):
    with pytest.raises(PermanentError):
        handler_for(provider)
