"""A run of an account suspended or deleted is held, its actions not done, and run once the
account is active again."""

import httpx
import pytest

from queue_manager.triggers.service import run_automation
from shared.domain.accounts import lifecycle
from shared.models.account import AccountStatus
from shared.models.automation import AddTag, SendWebhook
from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.contact import Contact
from shared.utilities.redis import create_redis
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_contact, create_sub_account
from tests.queue_manager.triggers.factories import create_run
from tests.shared.domain.held import holding


@pytest.fixture(autouse=True)
async def outbox():
    async with holding() as held:
        yield held


@pytest.fixture
async def redis():
    client = create_redis(ServiceSettings().redis_url)
    yield client
    await client.aclose()


@pytest.fixture
def sent() -> list[httpx.Request]:
    """The requests the run's webhooks made."""
    return []


@pytest.fixture
async def client(sent):
    def receive(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(receive)) as client:
        yield client


@pytest.mark.parametrize("status", [AccountStatus.SUSPENDED, AccountStatus.DELETED])
async def test_a_run_of_a_closed_account_is_held_and_does_nothing(mongo, client, sent, status):
    account = await create_sub_account(await create_account(), status=status)
    contact = await create_contact(account, tags=["vip"])
    actions = [AddTag(tag="hot"), SendWebhook(url="https://hooks.example.com/a")]
    run = await create_run(account, contact, actions)

    outcome = await run_automation(str(run.id), client)

    assert outcome == {"status": "held", "results": []}
    stored = await AutomationLog.get(run.id)
    assert (stored.status, stored.holds, stored.results) == (RunStatus.HELD, 1, [])
    assert (await Contact.get(contact.id)).tags == ["vip"]
    assert sent == []


async def test_a_held_run_is_run_once_its_account_is_reactivated(mongo, client, redis):
    account = await create_sub_account(await create_account(), status=AccountStatus.SUSPENDED)
    contact = await create_contact(account, tags=["vip"])
    run = await create_run(account, contact, [AddTag(tag="hot")])
    await run_automation(str(run.id), client)

    await lifecycle.reactivate(redis, account)
    await run_automation(str(run.id), client)

    assert (await AutomationLog.get(run.id)).status is RunStatus.SUCCEEDED
    assert (await Contact.get(contact.id)).tags == ["vip", "hot"]


async def test_a_held_run_is_not_run_by_its_job_delivered_again(mongo, client):
    account = await create_sub_account(await create_account(), status=AccountStatus.SUSPENDED)
    contact = await create_contact(account, tags=["vip"])
    run = await create_run(account, contact, [AddTag(tag="hot")])
    await run_automation(str(run.id), client)

    await run_automation(str(run.id), client)

    stored = await AutomationLog.get(run.id)
    assert (stored.status, stored.holds) == (RunStatus.HELD, 1)
    assert (await Contact.get(contact.id)).tags == ["vip"]
