"""Running an automation run: each action's outcome on the run, done once, resumed after a
crash. Webhooks are caught at the HTTP transport."""

import json

import httpx
import pytest

from queue_manager.triggers.service import run_automation
from shared.models.automation import AddTag, AssignOwner, SendWebhook
from shared.models.automation_log import ActionResult, ActionStatus, AutomationLog, RunStatus
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.models.deal import Deal
from shared.utilities.worker import PermanentError
from tests.factories import create_contact, create_deal, create_pipeline, create_signed_in
from tests.queue_manager.triggers.factories import create_run
from tests.shared.domain.held import events, holding

HOOK_URL = "https://hooks.example.com/automation"


class Receiver:
    """What the rule's URL was sent, and what it answers."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, text="no thanks" if self.status >= 400 else "ok")


@pytest.fixture
def receiver() -> Receiver:
    return Receiver()


@pytest.fixture(autouse=True)
async def outbox():
    """A run happens inside its task's outbox: what its actions ask to send is held there."""
    async with holding() as held:
        yield held


@pytest.fixture
async def client(receiver):
    async with httpx.AsyncClient(transport=httpx.MockTransport(receiver)) as client:
        yield client


async def test_a_run_tags_its_contact_and_succeeds(mongo, client):
    owner = await create_signed_in()
    contact = await create_contact(owner.account, tags=["vip"])
    run = await create_run(owner.account, contact, [AddTag(tag="hot")])

    await run_automation(str(run.id), client)

    assert (await Contact.get(contact.id)).tags == ["vip", "hot"]
    stored = await AutomationLog.get(run.id)
    assert (stored.status, stored.error) == (RunStatus.SUCCEEDED, None)
    assert stored.results == [ActionResult(type="add_tag", status=ActionStatus.SUCCEEDED)]
    assert stored.finished_at is not None


async def test_a_tag_added_by_a_run_is_the_platforms_recorded_change(mongo, client, outbox):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    run = await create_run(owner.account, contact, [AddTag(tag="hot")])

    await run_automation(str(run.id), client)

    entry = await CrmLog.find_one({"entity_id": contact.id})
    assert (entry.action, entry.actor_id, entry.changes[0].new) == ("updated", None, ["hot"])
    assert [event["type"] for event in events(outbox)] == ["contact.updated"]


async def test_a_deal_has_no_tags_so_tagging_it_is_skipped(mongo, client):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    run = await create_run(owner.account, deal, [AddTag(tag="hot")])

    await run_automation(str(run.id), client)

    stored = await AutomationLog.get(run.id)
    assert stored.status is RunStatus.SUCCEEDED
    assert stored.results[0].status is ActionStatus.SKIPPED


async def test_a_run_assigns_a_member_as_its_deals_owner(mongo, client):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account)
    deal = await create_deal(await create_pipeline(owner.account))
    run = await create_run(owner.account, deal, [AssignOwner(user_id=member.user.id)])

    await run_automation(str(run.id), client)

    assert (await Deal.get(deal.id)).owner_id == member.user.id


async def test_an_owner_who_left_the_account_fails_the_run_and_the_other_actions_still_run(
    mongo, client
):
    owner, stranger = await create_signed_in(), await create_signed_in()
    contact = await create_contact(owner.account)
    actions = [AssignOwner(user_id=stranger.user.id), AddTag(tag="hot")]
    run = await create_run(owner.account, contact, actions)

    await run_automation(str(run.id), client)

    stored = await AutomationLog.get(run.id)
    assert stored.status is RunStatus.FAILED
    assert [result.status for result in stored.results] == [
        ActionStatus.FAILED,
        ActionStatus.SUCCEEDED,
    ]
    assert stored.error == "assign_owner: the owner is no longer a user of the account"
    assert (await Contact.get(contact.id)).owner_id is None


async def test_another_accounts_contact_is_not_touched(mongo, client):
    owner, stranger = await create_signed_in(), await create_signed_in()
    theirs = await create_contact(stranger.account)
    run = await create_run(owner.account, theirs, [AddTag(tag="hot")])

    await run_automation(str(run.id), client)

    assert (await Contact.get(theirs.id)).tags == []
    assert (await AutomationLog.get(run.id)).results[0].status is ActionStatus.SKIPPED


async def test_a_webhook_action_posts_the_run_to_the_rules_url(mongo, client, receiver):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    run = await create_run(owner.account, contact, [SendWebhook(url=HOOK_URL)])

    await run_automation(str(run.id), client)

    [request] = receiver.requests
    assert (request.method, str(request.url)) == ("POST", HOOK_URL)
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {
        "run_id": str(run.id),
        "automation_id": str(run.automation_id),
        "account_id": str(owner.account.id),
        "trigger": "contact.tag_added",
        "subject": {"tag": "vip"},
        "entity_type": "contact",
        "entity_id": str(contact.id),
        "fired_at": run.created_at.isoformat(),
    }
    assert (await AutomationLog.get(run.id)).results[0].detail == "HTTP 200"


async def test_a_webhook_answering_an_error_fails_the_action(mongo, client, receiver):
    receiver.status = 500
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    run = await create_run(owner.account, contact, [SendWebhook(url=HOOK_URL)])

    await run_automation(str(run.id), client)

    stored = await AutomationLog.get(run.id)
    assert stored.status is RunStatus.FAILED
    assert stored.results[0].detail == "HTTP 500: no thanks"


async def test_a_finished_run_is_not_run_again(mongo, client, receiver):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    run = await create_run(owner.account, contact, [SendWebhook(url=HOOK_URL)])
    await run_automation(str(run.id), client)

    await run_automation(str(run.id), client)

    assert len(receiver.requests) == 1


async def test_a_run_taken_over_after_a_crash_resumes_after_its_recorded_actions(
    mongo, client, receiver
):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    done = ActionResult(type="send_webhook", status=ActionStatus.SUCCEEDED, detail="HTTP 200")
    actions = [SendWebhook(url=HOOK_URL), AddTag(tag="hot")]
    run = await create_run(owner.account, contact, actions, results=[done])

    await run_automation(str(run.id), client)

    assert receiver.requests == []
    assert (await Contact.get(contact.id)).tags == ["hot"]
    assert len((await AutomationLog.get(run.id)).results) == 2


async def test_a_run_that_does_not_exist_fails_for_good(mongo, client):
    with pytest.raises(PermanentError):
        await run_automation("65f000000000000000000000", client)
