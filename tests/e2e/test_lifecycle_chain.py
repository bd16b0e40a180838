"""An agency suspends a sub-account and lets it in again, the dashboard's way: gateway ->
router -> internal_api, with session ids."""

from shared.models.membership import Role
from tests.factories import create_account, create_membership, create_signed_in, create_sub_account
from tests.internal_api.chain import dashboard, module_chain

__all__ = ["dashboard", "module_chain"]

CONTACTS = "/v1/crm/contacts"


async def test_a_suspended_sub_accounts_session_is_refused_until_it_is_reactivated(dashboard):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    member = await create_signed_in(account=client, role=Role.MEMBER)
    elsewhere = await create_account(name="Elsewhere")
    await create_membership(elsewhere, member.user, Role.MEMBER)
    sub_account = f"/v1/accounts/sub-accounts/{client.id}"

    def switch_to(account):
        return dashboard.post(
            "/v1/auth/switch-account",
            json={"account_id": str(account.id)},
            headers=member.session_headers,
        )

    suspended = await dashboard.post(
        f"{sub_account}/suspend", json={"reason": "Unpaid"}, headers=owner.session_headers
    )
    refused = await dashboard.get(CONTACTS, headers=member.session_headers)
    switched_away = await switch_to(elsewhere)
    in_the_other_account = await dashboard.get(CONTACTS, headers=member.session_headers)
    reactivated = await dashboard.post(f"{sub_account}/reactivate", headers=owner.session_headers)
    switched_back = await switch_to(client)
    let_in_again = await dashboard.get(CONTACTS, headers=member.session_headers)

    assert suspended.status_code == 200
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "account_suspended"
    assert (switched_away.status_code, in_the_other_account.status_code) == (200, 200)
    assert reactivated.status_code == 200
    assert (switched_back.status_code, let_in_again.status_code) == (200, 200)
