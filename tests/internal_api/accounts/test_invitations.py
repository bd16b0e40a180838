"""/v1/accounts/invitations: inviting someone with a role, listing and withdrawing."""

import asyncio

from shared.models.invitation import Invitation
from shared.models.membership import Role
from shared.utilities.sessions import hash_session_id
from tests.factories import create_account, create_invitation, create_signed_in
from tests.internal_api.self_service import mails, token_in


async def invite(api, signed_in, email: str = "New@Example.com", role: str = "member"):
    return await api.post(
        "/v1/accounts/invitations", json={"email": email, "role": role}, headers=signed_in.headers
    )


async def test_an_invitation_is_emailed_to_the_invitee_with_its_token_stored_hashed(api, jobs):
    owner = await create_signed_in()

    response = await invite(api, owner)

    assert response.status_code == 201
    body = response.json()
    assert (body["email"], body["role"]) == ("new@example.com", "member")
    assert "token" not in body
    [message] = mails(jobs, "invitation")
    assert (message["event"], message["channel"], message["to"]) == (
        "invitation",
        "email",
        "new@example.com",
    )
    assert message["account_id"] == str(owner.account.id)
    assert message["data"] == {"inviter_name": owner.user.name}
    stored = await Invitation.get(body["id"])
    assert stored.token_hash == hash_session_id(token_in(message["links"]["accept_url"]))
    assert stored.account_id == owner.account.id


async def test_inviting_someone_already_a_member_answers_409_and_stores_nothing(api):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)

    response = await invite(api, owner, member.user.email)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_member"
    assert await Invitation.find({"email": member.user.email}).count() == 0


async def test_inviting_an_email_again_replaces_its_open_invitation(api, jobs):
    owner = await create_signed_in()
    first = (await invite(api, owner, "new@example.com", "member")).json()

    response = await invite(api, owner, "new@example.com", "admin")

    assert response.status_code == 201
    stored = await Invitation.find({"account_id": owner.account.id}).to_list()
    assert [(str(item.id), item.role) for item in stored] == [(response.json()["id"], Role.ADMIN)]
    _, second_email = mails(jobs, "invitation")
    assert stored[0].token_hash == hash_session_id(token_in(second_email["links"]["accept_url"]))
    assert first["id"] != response.json()["id"]


async def test_an_accepted_invitation_does_not_stop_inviting_the_email_again(api):
    owner = await create_signed_in()
    accepted, _ = await create_invitation(
        owner.account, email="back@example.com", accepted_at=owner.account.created_at
    )

    response = await invite(api, owner, "back@example.com")

    assert response.status_code == 201
    assert await Invitation.get(accepted.id)


async def test_an_invitation_for_the_email_in_another_account_is_left_alone(api):
    owner = await create_signed_in()
    theirs, _ = await create_invitation(await create_account(), email="new@example.com")

    await invite(api, owner, "new@example.com")

    assert await Invitation.get(theirs.id)


async def test_parallel_invitations_for_one_email_leave_one_open(api):
    owner = await create_signed_in()

    responses = await asyncio.gather(*(invite(api, owner, "new@example.com") for _ in range(5)))

    refused = [r.json()["error"]["code"] for r in responses if r.status_code != 201]
    assert set(refused) <= {"invitation_pending"}
    assert await Invitation.find({"account_id": owner.account.id}).count() == 1


async def test_an_admin_cannot_invite_an_owner(api):
    admin = await create_signed_in(role=Role.ADMIN)

    response = await invite(api, admin, role="owner")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "owner_role_reserved"
    assert await Invitation.find({"account_id": admin.account.id}).count() == 0


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
