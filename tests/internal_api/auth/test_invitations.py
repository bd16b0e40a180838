"""POST /v1/auth/invitations/accept: joining an account with the invited role."""

from datetime import timedelta

from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import Membership, Role
from shared.models.user import User
from tests.factories import create_account, create_invitation, create_signed_in, create_user

NEW_USER = {"name": "Nia", "password": "a long enough password"}


async def accept(api, token: str, headers: dict | None = None, **fields):
    return await api.post(
        "/v1/auth/invitations/accept", json={"token": token, **fields}, headers=headers
    )


async def test_accepting_creates_the_user_and_membership_signed_in(api):
    account = await create_account()
    invitation, token = await create_invitation(account, role=Role.ADMIN)

    response = await accept(api, token, **NEW_USER)

    assert response.status_code == 200
    body = response.json()
    assert body["session_id"]
    assert (body["user"]["email"], body["account"]["id"]) == (invitation.email, str(account.id))
    user = await User.find_one({"email": invitation.email})
    membership = await Membership.find_one({"account_id": account.id, "user_id": user.id})
    assert membership.role is Role.ADMIN


async def test_a_new_user_without_name_and_password_answers_422_naming_both(api):
    _, token = await create_invitation(await create_account())

    response = await accept(api, token)

    assert response.status_code == 422
    fields = [detail["field"] for detail in response.json()["error"]["details"]]
    assert fields == ["body.name", "body.password"]


async def test_an_existing_user_signed_in_as_the_invited_email_joins(api):
    member = await create_signed_in()
    other_agency = await create_account()
    _, token = await create_invitation(other_agency, email=member.user.email)

    response = await accept(api, token, headers=member.headers)

    assert response.status_code == 200
    assert response.json()["session_id"] is None
    assert await Membership.find_one({"account_id": other_agency.id, "user_id": member.user.id})


async def test_an_existing_user_not_signed_in_answers_401(api):
    user = await create_user()
    _, token = await create_invitation(await create_account(), email=user.email)

    response = await accept(api, token)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "sign_in_as_invitee"


async def test_an_existing_user_accepted_by_someone_else_answers_403(api):
    invited = await create_user()
    someone_else = await create_signed_in()
    _, token = await create_invitation(await create_account(), email=invited.email)

    response = await accept(api, token, headers=someone_else.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "invitation_for_another_email"
    assert await Membership.find_one({"user_id": someone_else.user.id}) == someone_else.membership


async def test_an_unknown_token_answers_404(api):
    response = await accept(api, "no-such-token", **NEW_USER)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "invitation_invalid"


async def test_an_expired_invitation_answers_404(api):
    _, token = await create_invitation(
        await create_account(), expires_at=utc_now() - timedelta(minutes=1)
    )

    response = await accept(api, token, **NEW_USER)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "invitation_invalid"
    assert await User.find_one({"name": NEW_USER["name"]}) is None


async def test_a_used_invitation_answers_409(api):
    _, token = await create_invitation(await create_account())
    await accept(api, token, **NEW_USER)

    response = await accept(api, token, **NEW_USER)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invitation_used"


async def test_an_accepted_invitation_is_no_longer_open(api):
    invitation, token = await create_invitation(await create_account())

    await accept(api, token, **NEW_USER)

    stored = await Invitation.get(invitation.id)
    assert stored.accepted_at is not None
    assert stored.open_key is None
