"""/v1/accounts/invitations: inviting someone with a role, listing and withdrawing."""

from shared.models.invitation import Invitation
from shared.models.membership import Role
from shared.utilities.sessions import hash_session_id
from tests.factories import create_account, create_invitation, create_signed_in


async def invite(api, signed_in, email: str = "New@Example.com", role: str = "member"):
    return await api.post(
        "/v1/accounts/invitations", json={"email": email, "role": role}, headers=signed_in.headers
    )


async def test_an_invitation_is_stored_with_its_token_hashed_and_the_token_answered(api):
    owner = await create_signed_in()

    response = await invite(api, owner)

    assert response.status_code == 201
    body = response.json()
    assert (body["email"], body["role"]) == ("new@example.com", "member")
    stored = await Invitation.get(body["id"])
    assert stored.token_hash == hash_session_id(body["token"])
    assert stored.account_id == owner.account.id


async def test_inviting_someone_already_a_member_answers_409(api):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)

    response = await invite(api, owner, member.user.email)

    assert response.status_code == 409


async def test_an_admin_cannot_invite_an_owner(api):
    admin = await create_signed_in(role=Role.ADMIN)

    response = await invite(api, admin, role="owner")

    assert response.status_code == 403


async def test_a_member_cannot_invite(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await invite(api, member)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "users:write"}]


async def test_a_bad_email_and_role_answer_422_naming_both(api):
    owner = await create_signed_in()

    response = await invite(api, owner, "nobody", "emperor")

    fields = [detail["field"] for detail in response.json()["error"]["details"]]
    assert response.status_code == 422
    assert fields == ["body.email", "body.role"]


async def test_the_list_holds_the_accounts_pending_invitations_without_tokens(api):
    owner = await create_signed_in()
    pending, _ = await create_invitation(owner.account)
    await create_invitation(owner.account, accepted_at=pending.created_at)
    await create_invitation(await create_account())

    response = await api.get("/v1/accounts/invitations", headers=owner.headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["data"]] == [str(pending.id)]
    assert "token" not in response.json()["data"][0]


async def test_withdrawing_an_invitation_deletes_it(api):
    owner = await create_signed_in()
    invitation, _ = await create_invitation(owner.account)

    response = await api.delete(f"/v1/accounts/invitations/{invitation.id}", headers=owner.headers)

    assert response.status_code == 204
    assert await Invitation.get(invitation.id) is None


async def test_withdrawing_another_accounts_invitation_answers_404(api):
    owner = await create_signed_in()
    theirs, _ = await create_invitation(await create_account())

    response = await api.delete(f"/v1/accounts/invitations/{theirs.id}", headers=owner.headers)

    assert response.status_code == 404
    assert await Invitation.get(theirs.id)
