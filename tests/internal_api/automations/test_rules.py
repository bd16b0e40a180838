"""/v1/automations: rules validated against the account, switched on and off, deleted."""

import pytest

from shared.models.automation import Automation, DealStageEntered, SendWebhook
from shared.models.membership import Role
from tests.factories import create_pipeline, create_signed_in
from tests.project_factories import create_project
from tests.shared.domain.forms.factories import create_form

WEBHOOK = {"type": "send_webhook", "url": "https://hooks.example.com/deals"}


def stage_entered(pipeline, stage_index: int = 0) -> dict:
    stage = pipeline.stages[stage_index]
    return {
        "type": "deal.stage_entered",
        "pipeline_id": str(pipeline.id),
        "stage_id": str(stage.id),
    }


async def create_rule(api, signed_in, trigger: dict, actions: list[dict] | None = None):
    body = {"name": "Tell the team", "trigger": trigger, "actions": actions or [WEBHOOK]}
    return await api.post("/v1/automations", json=body, headers=signed_in.headers)


async def store_rule(signed_in, **overrides) -> Automation:
    pipeline = await create_pipeline(signed_in.account)
    fields = {
        "account_id": signed_in.account.id,
        "name": "Tell the team",
        "trigger": DealStageEntered(pipeline_id=pipeline.id, stage_id=pipeline.stages[0].id),
        "actions": [SendWebhook(url="https://hooks.example.com/deals")],
    }
    return await Automation(**{**fields, **overrides}).insert()


async def test_a_rule_on_a_stage_of_the_account_is_created_enabled(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    actions = [
        {"type": "add_tag", "tag": "hot"},
        {"type": "assign_owner", "user_id": str(owner.user.id)},
        {"type": "create_task", "title": "Send the proposal", "due_in_days": 2},
        WEBHOOK,
    ]

    response = await create_rule(api, owner, stage_entered(pipeline, 1), actions)

    assert response.status_code == 201
    body = response.json()
    assert (body["enabled"], body["trigger"]) == (True, stage_entered(pipeline, 1))
    assert [action["type"] for action in body["actions"]] == [
        "add_tag",
        "assign_owner",
        "create_task",
        "send_webhook",
    ]
    assert (await Automation.get(body["id"])).account_id == owner.account.id


async def test_a_rule_on_a_contact_tag_is_created(api):
    owner = await create_signed_in()

    response = await create_rule(api, owner, {"type": "contact.tag_added", "tag": "vip"})

    assert response.status_code == 201
    assert response.json()["trigger"] == {"type": "contact.tag_added", "tag": "vip"}


async def test_a_stage_of_another_pipeline_answers_404(api):
    owner = await create_signed_in()
    pipeline, other = await create_pipeline(owner.account), await create_pipeline(owner.account)
    trigger = stage_entered(pipeline) | {"stage_id": str(other.stages[0].id)}

    response = await create_rule(api, owner, trigger)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_stage_of_another_account_answers_404(api):
    owner = await create_signed_in()
    theirs = await create_pipeline((await create_signed_in()).account)

    response = await create_rule(api, owner, stage_entered(theirs))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert await Automation.find_all().count() == 0


async def test_assigning_an_owner_who_is_not_a_member_answers_404(api):
    owner = await create_signed_in()
    outsider = await create_signed_in()
    actions = [{"type": "assign_owner", "user_id": str(outsider.user.id)}]

    response = await create_rule(api, owner, {"type": "contact.tag_added", "tag": "vip"}, actions)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"


async def test_a_task_to_another_accounts_project_answers_404(api):
    owner = await create_signed_in()
    elsewhere, _ = await create_project((await create_signed_in()).account)
    action = {"type": "create_task", "title": "Call", "project_id": str(elsewhere.id)}

    response = await create_rule(api, owner, {"type": "contact.tag_added", "tag": "vip"}, [action])

    assert response.status_code == 404
    assert await Automation.find({"account_id": owner.account.id}).count() == 0


async def test_a_task_for_someone_not_a_member_answers_404_naming_the_field(api):
    owner, stranger = await create_signed_in(), await create_signed_in()
    action = {"type": "create_task", "title": "Call", "assignee_id": str(stranger.user.id)}

    response = await create_rule(api, owner, {"type": "contact.tag_added", "tag": "vip"}, [action])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert response.json()["error"]["details"][0]["field"] == "body.actions.0.assignee_id"


async def test_a_plain_http_webhook_answers_422_naming_it(api):
    owner = await create_signed_in()
    actions = [{"type": "add_tag", "tag": "x"}, {"type": "send_webhook", "url": "http://a.test"}]

    response = await create_rule(api, owner, {"type": "contact.tag_added", "tag": "vip"}, actions)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "body.actions.1.url"


async def test_a_plain_http_webhook_is_accepted_when_the_setting_allows_it(start_api):
    owner = await create_signed_in()
    actions = [{"type": "send_webhook", "url": "http://127.0.0.1:9000/hook"}]

    async with start_api(automation_webhooks_allow_http=True) as api:
        response = await create_rule(
            api, owner, {"type": "contact.tag_added", "tag": "vip"}, actions
        )

    assert response.status_code == 201
    stored = await Automation.get(response.json()["id"])
    assert str(stored.actions[0].url) == "http://127.0.0.1:9000/hook"


@pytest.mark.parametrize(
    ("trigger", "actions", "field"),
    [
        ({"type": "deal.created"}, [WEBHOOK], "body.trigger"),
        ({"type": "contact.tag_added", "tag": ""}, [WEBHOOK], "body.trigger.contact.tag_added.tag"),
        ({"type": "contact.tag_added", "tag": "vip"}, [], "body.actions"),
        (
            {"type": "contact.tag_added", "tag": "vip"},
            [{"type": "send_webhook", "url": "not a url"}],
            "body.actions.0.send_webhook.url",
        ),
        (
            {"type": "contact.tag_added", "tag": "vip"},
            [{"type": "create_task", "title": "Call", "due_in_days": -1}],
            "body.actions.0.create_task.due_in_days",
        ),
        (
            {"type": "contact.tag_added", "tag": "vip"},
            [{"type": "add_tag", "tag": "hot", "tagg": "warm"}],
            "body.actions.0.add_tag.tagg",
        ),
        (
            {"type": "contact.tag_added", "tag": "vip\x00"},
            [WEBHOOK],
            "body.trigger.contact.tag_added.tag",
        ),
    ],
)
async def test_an_invalid_rule_answers_422_naming_the_field(api, trigger, actions, field):
    owner = await create_signed_in()
    body = {"name": "Rule", "trigger": trigger, "actions": actions}

    response = await api.post("/v1/automations", json=body, headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert [detail["field"] for detail in response.json()["error"]["details"]] == [field]


async def test_the_list_holds_the_accounts_rules_only(api):
    owner = await create_signed_in()
    mine = await store_rule(owner)
    await store_rule(await create_signed_in())

    response = await api.get("/v1/automations", headers=owner.headers)

    assert [rule["id"] for rule in response.json()["data"]] == [str(mine.id)]


async def test_a_rule_is_read_by_its_id(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)

    response = await api.get(f"/v1/automations/{rule.id}", headers=owner.headers)

    assert response.status_code == 200
    assert response.json()["actions"] == [WEBHOOK]


async def test_a_rule_is_renamed_and_its_actions_replaced(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)
    actions = [{"type": "add_tag", "tag": "won"}]

    response = await api.patch(
        f"/v1/automations/{rule.id}",
        json={"name": "Tag winners", "actions": actions},
        headers=owner.headers,
    )

    assert response.status_code == 200
    stored = await Automation.get(rule.id)
    assert (stored.name, stored.actions[0].type) == ("Tag winners", "add_tag")


async def test_an_update_to_another_accounts_stage_answers_404(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)
    theirs = await create_pipeline((await create_signed_in()).account)

    response = await api.patch(
        f"/v1/automations/{rule.id}",
        json={"trigger": stage_entered(theirs)},
        headers=owner.headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await Automation.get(rule.id)).trigger == rule.trigger


async def test_an_update_with_a_plain_http_webhook_answers_422(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)

    response = await api.patch(
        f"/v1/automations/{rule.id}",
        json={"actions": [{"type": "send_webhook", "url": "http://a.test"}]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_null_trigger_answers_422(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)

    response = await api.patch(
        f"/v1/automations/{rule.id}", json={"trigger": None}, headers=owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"][0]["field"] == "body.trigger"


async def test_a_rule_is_disabled_and_enabled_again(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)

    disabled = await api.post(f"/v1/automations/{rule.id}/disable", headers=owner.headers)
    stored_disabled = (await Automation.get(rule.id)).enabled
    enabled = await api.post(f"/v1/automations/{rule.id}/enable", headers=owner.headers)

    assert (disabled.json()["enabled"], stored_disabled) == (False, False)
    assert enabled.json()["enabled"] is True


async def test_a_rule_is_deleted(api):
    owner = await create_signed_in()
    rule = await store_rule(owner)

    response = await api.delete(f"/v1/automations/{rule.id}", headers=owner.headers)

    assert response.status_code == 204
    assert await Automation.get(rule.id) is None


async def test_a_member_cannot_manage_rules(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await api.get("/v1/automations", headers=member.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"name": "Mine"}),
        ("DELETE", "", None),
        ("POST", "/enable", None),
        ("POST", "/disable", None),
        ("GET", "/runs", None),
    ],
)
async def test_another_accounts_rule_answers_404(api, method, suffix, body):
    owner = await create_signed_in()
    theirs = await store_rule(await create_signed_in(), enabled=False)

    response = await api.request(
        method, f"/v1/automations/{theirs.id}{suffix}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    stored = await Automation.get(theirs.id)
    assert (stored.name, stored.enabled) == ("Tell the team", False)


async def test_a_rule_watches_a_form_of_the_account(api):
    owner = await create_signed_in()
    form = await create_form(owner.account)

    response = await create_rule(api, owner, {"type": "form.submitted", "form_id": str(form.id)})

    assert response.status_code == 201
    assert response.json()["trigger"] == {"type": "form.submitted", "form_id": str(form.id)}


async def test_a_rule_on_another_accounts_form_answers_404(api):
    owner = await create_signed_in()
    form = await create_form((await create_signed_in()).account)

    response = await create_rule(api, owner, {"type": "form.submitted", "form_id": str(form.id)})

    assert response.status_code == 404
    assert await Automation.count() == 0


async def test_a_rule_watches_the_accounts_documents_being_signed(api):
    owner = await create_signed_in()

    response = await create_rule(api, owner, {"type": "document.signed"})

    assert response.status_code == 201
    assert response.json()["trigger"] == {"type": "document.signed"}
