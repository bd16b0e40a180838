"""Operators turn features on or off per account; each change is audited."""

from shared.domain.feature_flags.flags import ASSET_PROXY, is_enabled
from shared.models.admin_audit_entry import AdminAction, AdminAuditEntry
from tests.factories import create_account


async def set_flag(api, operator, account, flag="asset_proxy", **body):
    return await api.put(
        f"/v1/admin/accounts/{account.id}/feature-flags/{flag}",
        json={"enabled": False, "reason": "Abusing the proxy", **body},
        headers=operator.headers,
    )


async def test_an_operator_turns_a_feature_off_for_an_account(api, operator):
    account = await create_account()

    response = await set_flag(api, operator, account)

    assert response.status_code == 200
    assert [(f["name"], f["enabled"], f["default"]) for f in response.json()] == [
        ("asset_proxy", False, True)
    ]
    assert await is_enabled(account.id, ASSET_PROXY) is False


async def test_the_change_is_in_the_audit_log(api, operator):
    account = await create_account()

    await set_flag(api, operator, account)

    entry = await AdminAuditEntry.find_one()
    assert (entry.action, entry.account_id, entry.details, entry.reason) == (
        AdminAction.FEATURE_FLAG_SET,
        account.id,
        {"flag": "asset_proxy", "enabled": False},
        "Abusing the proxy",
    )


async def test_an_unknown_flag_is_refused_naming_the_known_ones(api, operator):
    account = await create_account()

    response = await set_flag(api, operator, account, flag="teleport")

    assert response.status_code == 422
    assert "asset_proxy" in response.json()["error"]["details"][0]["message"]
    assert await AdminAuditEntry.find_all().count() == 0


async def test_the_accounts_flags_are_listed_at_their_defaults(api, operator):
    account = await create_account()

    response = await api.get(
        f"/v1/admin/accounts/{account.id}/feature-flags", headers=operator.headers
    )

    assert [(f["name"], f["enabled"]) for f in response.json()] == [("asset_proxy", True)]
