"""The `create_task` action: a project task linked to the run's contact or deal, made through
the task write path, once per run and action however often the run is resumed."""

from datetime import timedelta

import httpx
import pytest

from queue_manager.triggers.service import run_automation
from shared.models.automation import CreateTask
from shared.models.automation_log import ActionStatus, AutomationLog
from shared.models.base import utc_now
from shared.models.project import Project
from shared.models.project_task import ProjectTask
from tests.factories import create_contact, create_deal, create_pipeline, create_signed_in
from tests.project_factories import create_project
from tests.queue_manager.triggers.factories import create_run
from tests.shared.domain.held import events, holding, platform_messages


@pytest.fixture(autouse=True)
async def outbox():
    async with holding() as held:
        yield held


@pytest.fixture
async def client():
    refuse = httpx.MockTransport(lambda request: httpx.Response(599))
    async with httpx.AsyncClient(transport=refuse) as client:
        yield client


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


async def test_a_run_makes_a_task_for_its_contact_in_the_default_project_for_its_owner(
    owner, client, outbox
):
    colleague = await create_signed_in(owner.account)
    contact = await create_contact(owner.account, owner_id=colleague.user.id)
    run = await create_run(owner.account, contact, [CreateTask(title="Call back", due_in_days=2)])

    await run_automation(str(run.id), client)

    [task] = await ProjectTask.find({"account_id": owner.account.id}).to_list()
    project = await Project.get(task.project_id)
    assert (project.name, project.default_of) == ("Tasks", owner.account.id)
    assert (task.title, task.contact_id, task.assignee_ids) == (
        "Call back",
        contact.id,
        [colleague.user.id],
    )
    assert timedelta(days=2) - (task.due_at - utc_now()) < timedelta(minutes=1)
    [result] = (await AutomationLog.get(run.id)).results
    assert (result.status, result.detail) == (ActionStatus.SUCCEEDED, f"task {task.id}")
    assert [event["type"] for event in events(outbox)] == ["task.created"]
    assert {user for _, _, user in platform_messages(outbox)} == {str(colleague.user.id)}


async def test_a_run_makes_a_task_for_its_deal_on_the_board_it_names(owner, client):
    project, board = await create_project(owner.account)
    deal = await create_deal(await create_pipeline(owner.account))
    action = CreateTask(
        title="Send the proposal",
        project_id=project.id,
        board_id=board.id,
        assignee_id=owner.user.id,
    )
    run = await create_run(owner.account, deal, [action])

    await run_automation(str(run.id), client)

    [task] = await ProjectTask.find({"project_id": project.id}).to_list()
    assert (task.deal_id, task.column_id, task.assignee_ids) == (
        deal.id,
        board.columns[0].id,
        [owner.user.id],
    )


async def test_a_run_resumed_after_a_crash_finds_the_task_it_made(owner, client):
    contact = await create_contact(owner.account)
    run = await create_run(owner.account, contact, [CreateTask(title="Call back")])
    await run_automation(str(run.id), client)
    # As if the worker had died after making the task, before recording the action.
    await AutomationLog.find_one({"_id": run.id}).update(
        {"$set": {"results": [], "status": "pending"}}
    )

    await run_automation(str(run.id), client)

    assert await ProjectTask.find({"account_id": owner.account.id}).count() == 1


async def test_a_contact_deleted_meanwhile_is_skipped(owner, client):
    contact = await create_contact(owner.account, deleted_at=utc_now())
    run = await create_run(owner.account, contact, [CreateTask(title="Call back")])

    await run_automation(str(run.id), client)

    assert (await AutomationLog.get(run.id)).results[0].status is ActionStatus.SKIPPED
    assert await ProjectTask.find({"account_id": owner.account.id}).count() == 0


async def test_another_accounts_project_fails_the_action_like_a_missing_one(owner, client):
    elsewhere, _ = await create_project((await create_signed_in()).account)
    contact = await create_contact(owner.account)
    run = await create_run(
        owner.account, contact, [CreateTask(title="Call back", project_id=elsewhere.id)]
    )

    await run_automation(str(run.id), client)

    [result] = (await AutomationLog.get(run.id)).results
    assert (result.status, result.detail) == (
        ActionStatus.FAILED,
        f"Project {elsewhere.id} does not exist.",
    )
    assert await ProjectTask.find({"project_id": elsewhere.id}).count() == 0
