"""triggers.run_automation on a real worker (in this process, solo pool) and the test Redis:
rules fired by internal_api run, and their webhooks leave through the checked-address client."""

import ipaddress
import json
import os

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from queue_manager.celery import settings
from shared.domain.automations.firing import fire
from shared.models.automation import AddTag, Automation, ContactTagAdded, SendWebhook
from shared.models.automation_log import ActionStatus, AutomationLog, RunStatus
from shared.models.contact import Contact
from shared.utilities.outbox import Senders, collecting
from tests.factories import create_contact, create_signed_in
from tests.queue_manager.triggers.factories import finished


@pytest.fixture
def loopback_allowed(monkeypatch):
    monkeypatch.setattr(settings, "webhook_allowed_networks", [ipaddress.ip_network("127.0.0.0/8")])


@pytest.fixture
async def receiver(serve):
    """A local endpoint on a real port: what it was sent."""
    received: list[dict] = []

    async def hook(request: Request) -> Response:
        received.append(json.loads(await request.body()))
        return Response("ok")

    async with serve(Starlette(routes=[Route("/hook", hook, methods=["POST"])])) as url:
        yield url, received


async def fire_rule(actions, tag: str = "vip") -> tuple[Contact, AutomationLog]:
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    trigger = ContactTagAdded(tag=tag)
    rule = {"account_id": owner.account.id, "name": "R", "trigger": trigger, "actions": actions}
    await Automation(**rule).insert()
    senders = Senders.for_redis(os.environ["REDIS_URL"])
    try:
        async with collecting(senders):
            [run] = await fire(owner.account.id, trigger.type, {"tag": tag}, "contact", contact.id)
    finally:
        senders.close()
    return contact, run


async def test_a_fired_rule_runs_its_actions_on_the_worker(worker):
    contact, run = await fire_rule([AddTag(tag="hot")])

    stored = await finished(run)

    assert stored.status is RunStatus.SUCCEEDED
    assert (await Contact.get(contact.id)).tags == ["hot"]


async def test_a_rules_webhook_reaches_its_endpoint(worker, loopback_allowed, receiver):
    url, received = receiver
    contact, run = await fire_rule([SendWebhook(url=f"{url}/hook")])

    stored = await finished(run)

    assert stored.results[0].status is ActionStatus.SUCCEEDED
    assert [(body["run_id"], body["entity_id"]) for body in received] == [
        (str(run.id), str(contact.id))
    ]


async def test_a_rules_webhook_to_an_internal_address_is_refused(worker, receiver):
    url, received = receiver
    _, run = await fire_rule([SendWebhook(url=f"{url}/hook")])

    stored = await finished(run)

    assert stored.status is RunStatus.FAILED
    assert stored.results[0].detail.startswith("Forbidden")
    assert received == []
