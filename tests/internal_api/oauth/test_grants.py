"""The apps installed on an account: an admin sees and revokes every one, a user those they
installed; revoking ends every token of the grant."""

from shared.models.api_grant import ApiGrant
from shared.models.api_token import ApiToken
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in
from tests.internal_api.oauth.factories import create_api_app, create_grant, create_token

GRANTS = "/v1/oauth/grants"


async def test_an_admin_sees_every_app_installed_on_the_account(api):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)
    app = await create_api_app(await create_account(name="Developer"))
    theirs = await create_grant(app, owner.account, member.user)

    as_admin = await api.get(GRANTS, headers=owner.headers)
    as_member = await api.get(GRANTS, headers=member.headers)
    as_other_member = await api.get(
        GRANTS,
        headers=(await create_signed_in(account=owner.account, role=Role.MEMBER)).headers,
    )

    assert [grant["id"] for grant in as_admin.json()["data"]] == [str(theirs.id)]
    assert as_admin.json()["data"][0]["app_name"] == "Acme Sync"
    assert [grant["id"] for grant in as_member.json()["data"]] == [str(theirs.id)]
    assert as_other_member.json()["data"] == []


async def test_revoking_a_grant_ends_its_tokens(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    grant = await create_grant(app, owner.account, owner.user)
    token, _, _ = await create_token(grant)

    revoked = await api.delete(f"{GRANTS}/{grant.id}", headers=owner.headers)

    assert revoked.status_code == 204
    assert (await ApiGrant.get(grant.id)).revoked_reason == "revoked"
    assert (await ApiToken.get(token.id)).revoked_at is not None
    assert (await api.get(GRANTS, headers=owner.headers)).json()["data"] == []


async def test_a_member_cannot_revoke_a_grant_another_user_made(api):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)
    app = await create_api_app(await create_account(name="Developer"))
    grant = await create_grant(app, owner.account, owner.user)

    refused = await api.delete(f"{GRANTS}/{grant.id}", headers=member.headers)

    assert refused.status_code == 404
    assert (await ApiGrant.get(grant.id)).revoked_at is None
