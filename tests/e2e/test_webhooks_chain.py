"""Outgoing webhooks end to end: an account admin subscribes a local receiver through the
dashboard's path (gateway -> router -> internal_api), a contact created there reaches the
receiver through hooks.dispatch and webhook.deliver on a real worker and Redis, signed with the
secret the API answered; the delivery log shows it, and a redelivery sends it again."""

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from shared.utilities.signatures import verify_timestamped_hmac
from tests.factories import create_signed_in
from tests.fixtures import dashboard_chain
from tests.queue_manager.conftest import worker
from tests.queue_manager.queues.conftest import eventually, webhooks_reach_loopback

__all__ = ["webhooks_reach_loopback", "worker"]


LOOPBACK = ["127.0.0.0/8"]


class Receiver:
    """The customer's endpoint: keeps what verifies with `secret`, refuses the rest."""

    def __init__(self) -> None:
        self.secret = ""
        self.verified: list[dict] = []

    async def receive(self, request: Request) -> PlainTextResponse:
        body = await request.body()
        signature = request.headers["webhook-signature"]
        if not verify_timestamped_hmac(self.secret, body, signature, tolerance_seconds=300):
            return PlainTextResponse("bad signature", status_code=400)
        self.verified.append(json.loads(body))
        return PlainTextResponse("ok")

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks", self.receive, methods=["POST"])])


@pytest.fixture
async def dashboard(mongo) -> AsyncIterator[httpx.AsyncClient]:
    internal_api = create_internal_api(InternalApiSettings(webhook_allowed_networks=LOOPBACK))
    async with dashboard_chain(internal_api) as client:
        yield client


@pytest.mark.usefixtures("worker", "webhooks_reach_loopback")
async def test_a_contact_created_on_the_dashboard_reaches_the_subscribed_endpoint(dashboard, serve):
    admin = await create_signed_in()
    session = {"x-session-id": admin.session_id}
    receiver = Receiver()
    async with serve(receiver.app()) as url:
        subscribed = await dashboard.post(
            "/v1/webhooks",
            json={"url": f"{url}/hooks", "event_types": ["contact.created"]},
            headers=session,
        )
        receiver.secret = subscribed.json()["secret"]
        endpoint = f"/v1/webhooks/{subscribed.json()['id']}"

        created = await dashboard.post(
            "/v1/crm/contacts", json={"first_name": "Grace"}, headers=session
        )
        await eventually(lambda: received(receiver, 1))
        log = (await dashboard.get(f"{endpoint}/deliveries", headers=session)).json()["data"]
        redelivered = await dashboard.post(
            f"{endpoint}/deliveries/{log[0]['id']}/redeliver", headers=session
        )
        await eventually(lambda: received(receiver, 2))

    assert subscribed.status_code == 201
    first, again = receiver.verified
    assert (first["type"], first["data"]["contact"]["id"]) == (
        "contact.created",
        created.json()["id"],
    )
    assert again == first
    assert (log[0]["status"], log[0]["attempts"][0]["response_code"]) == ("delivered", 200)
    assert redelivered.status_code == 202


async def received(receiver: Receiver, count: int) -> bool:
    return len(receiver.verified) >= count
