"""The admin audit log: operators read what operators did, newest first, by operator, target,
account or action."""

from shared.models.admin_audit_entry import AdminAction
from tests.factories import create_account
from tests.internal_api.admin.conftest import create_operator


async def suspend(api, operator, account, reason):
    response = await api.post(
        f"/v1/admin/accounts/{account.id}/suspend",
        json={"reason": reason},
        headers=operator.headers,
    )
    assert response.status_code == 200


async def test_the_log_lists_the_latest_action_first(api, operator):
    first, second = await create_account(), await create_account()
    await suspend(api, operator, first, "first reason")
    await suspend(api, operator, second, "second reason")

    log = await api.get("/v1/admin/audit-log", headers=operator.headers)

    assert [entry["reason"] for entry in log.json()["data"]] == ["second reason", "first reason"]
    assert log.json()["data"][0]["operator_id"] == str(operator.user.id)
    assert log.json()["data"][0]["request_id"]


async def test_the_log_is_filtered_by_operator_and_by_target(api, operator):
    colleague = await create_operator()
    mine, theirs = await create_account(), await create_account()
    await suspend(api, operator, mine, "mine")
    await suspend(api, colleague, theirs, "theirs")

    by_colleague = await api.get(
        "/v1/admin/audit-log",
        params={"operator_id": str(colleague.user.id)},
        headers=operator.headers,
    )
    on_mine = await api.get(
        "/v1/admin/audit-log",
        params={"target_id": str(mine.id), "action": AdminAction.ACCOUNT_SUSPENDED.value},
        headers=operator.headers,
    )

    assert [entry["reason"] for entry in by_colleague.json()["data"]] == ["theirs"]
    assert [entry["reason"] for entry in on_mine.json()["data"]] == ["mine"]
