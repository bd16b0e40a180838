"""transfer_ownership: the owner hands the account to another member, who becomes its owner
while the caller becomes an admin; refusals change nothing, and an interruption half-way never
leaves the account without an owner."""

import asyncio
from datetime import timedelta

import pytest

from internal_api.accounts import ownership
from internal_api.accounts.errors import AlreadyOwner, OwnerOnly
from internal_api.accounts.repository import MembershipRepository
from internal_api.auth.current_password import PasswordCheck
from internal_api.auth.errors import LoginThrottled, WrongPassword
from internal_api.auth.passwords import Passwords
from internal_api.auth.throttle import LoginThrottle, ThrottlePolicy
from internal_api.settings import InternalApiSettings
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.utilities import sessions
from shared.utilities.errors import NotFound
from shared.utilities.settings import ServiceSettings
from tests.factories import (
    PASSWORD,
    create_invitation,
    create_signed_in,
    create_sub_account,
)

IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


@pytest.fixture
def check(redis) -> PasswordCheck:
    throttle = LoginThrottle(redis, ThrottlePolicy.from_settings(InternalApiSettings()))
    return PasswordCheck(Passwords(at_once=2), throttle, address="")


async def roles(*signed_in) -> list[Role]:
    return [(await Membership.get(each.membership.id)).role for each in signed_in]


async def transfer(owner, heir_id, check, redis, password: str = PASSWORD):
    principal = owner.state.principal()
    return await ownership.transfer_ownership(principal, str(heir_id), password, check, redis)


async def test_the_member_becomes_the_owner_and_the_owner_an_admin(mongo, redis, check):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)

    transfer_done = await transfer(owner, heir.user.id, check, redis)

    assert await roles(heir, owner) == [Role.OWNER, Role.ADMIN]
    stored = await Membership.get(heir.membership.id)
    assert stored.scopes == ROLE_SCOPES[Role.OWNER]
    assert (transfer_done.owner.user_id, transfer_done.owner.role) == (heir.user.id, Role.OWNER)
    assert transfer_done.previous_owner.role is Role.ADMIN


async def test_both_users_sessions_hold_their_new_roles_at_once(mongo, redis, check):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)
    assert (await sessions.lookup(redis, heir.session_id, IDLE, SEAL)).role is Role.MEMBER

    await transfer(owner, heir.user.id, check, redis)

    assert (await sessions.lookup(redis, heir.session_id, IDLE, SEAL)).role is Role.OWNER
    assert (await sessions.lookup(redis, owner.session_id, IDLE, SEAL)).role is Role.ADMIN


async def test_both_users_sockets_hear_their_membership_changed(mongo, redis, check, monkeypatch):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)
    heard = []

    async def membership_changed(_, user_id, account_id):
        heard.append((user_id, account_id))

    monkeypatch.setattr(ownership.session_events, "membership_changed", membership_changed)

    await transfer(owner, heir.user.id, check, redis)

    account_id = owner.account.id
    assert sorted(heard) == sorted([(owner.user.id, account_id), (heir.user.id, account_id)])


async def test_a_wrong_password_is_refused_and_changes_nothing(mongo, redis, check):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)

    with pytest.raises(WrongPassword):
        await transfer(owner, heir.user.id, check, redis, password="not the password")

    assert await roles(owner, heir) == [Role.OWNER, Role.MEMBER]


async def test_wrong_passwords_are_throttled_like_logins(mongo, redis):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)
    one_free_attempt = ThrottlePolicy(1, 1, 600, 600, 600)
    check = PasswordCheck(Passwords(at_once=2), LoginThrottle(redis, one_free_attempt), "")
    with pytest.raises(WrongPassword):
        await transfer(owner, heir.user.id, check, redis, password="not the password")

    with pytest.raises(LoginThrottled):
        await transfer(owner, heir.user.id, check, redis)

    assert await roles(owner, heir) == [Role.OWNER, Role.MEMBER]


async def test_an_admin_cannot_hand_the_ownership_on(mongo, redis, check):
    owner = await create_signed_in()
    admin = await create_signed_in(account=owner.account, role=Role.ADMIN)
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)

    with pytest.raises(OwnerOnly):
        await transfer(admin, heir.user.id, check, redis)

    assert await roles(owner, admin, heir) == [Role.OWNER, Role.ADMIN, Role.MEMBER]


async def test_an_agency_owner_acting_in_a_sub_account_cannot_hand_it_on(mongo, redis, check):
    agency_owner = await create_signed_in()
    client = await create_sub_account(agency_owner.account)
    client_owner = await create_signed_in(account=client, role=Role.OWNER)
    in_client = agency_owner.state.principal().model_copy(
        update={"account_id": str(client.id), "role": Role.ADMIN.value}
    )

    with pytest.raises(OwnerOnly):
        await ownership.transfer_ownership(
            in_client, str(agency_owner.user.id), PASSWORD, check, redis
        )

    assert await roles(client_owner) == [Role.OWNER]
    assert await MembershipRepository(client.id).of_user(agency_owner.user.id) is None


async def test_another_accounts_user_answers_like_a_missing_one(mongo, redis, check):
    owner = await create_signed_in()
    stranger = await create_signed_in(role=Role.MEMBER)

    with pytest.raises(NotFound) as refused:
        await transfer(owner, stranger.user.id, check, redis)

    assert refused.value.code == "not_found"
    assert await roles(owner, stranger) == [Role.OWNER, Role.MEMBER]


async def test_someone_only_invited_is_not_a_member_to_hand_it_to(mongo, redis, check):
    owner = await create_signed_in()
    invitee = await create_signed_in(role=Role.OWNER)  # a user elsewhere, invited here
    await create_invitation(owner.account, email=invitee.user.email)

    with pytest.raises(NotFound):
        await transfer(owner, invitee.user.id, check, redis)

    assert await MembershipRepository(owner.account.id).count() == 1


async def test_an_owner_already_is_refused(mongo, redis, check):
    owner = await create_signed_in()
    co_owner = await create_signed_in(account=owner.account, role=Role.OWNER)

    with pytest.raises(AlreadyOwner):
        await transfer(owner, co_owner.user.id, check, redis)
    with pytest.raises(AlreadyOwner):
        await transfer(owner, owner.user.id, check, redis)

    assert await roles(owner, co_owner) == [Role.OWNER, Role.OWNER]


def failing_from_call(number: int, monkeypatch) -> None:
    """MembershipRepository.change_role_from fails from its `number`th call on (the process
    stopping there, as far as the database can tell)."""
    original = MembershipRepository.change_role_from
    calls = []

    async def change_role_from(self, *args):
        calls.append(args)
        if len(calls) >= number:
            raise ConnectionError("the database went away")
        return await original(self, *args)

    monkeypatch.setattr(MembershipRepository, "change_role_from", change_role_from)


async def test_a_failing_first_write_changes_nothing(mongo, redis, check, monkeypatch):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)
    failing_from_call(1, monkeypatch)

    with pytest.raises(ConnectionError):
        await transfer(owner, heir.user.id, check, redis)

    assert await roles(owner, heir) == [Role.OWNER, Role.MEMBER]


async def test_a_failing_second_write_puts_the_member_back(mongo, redis, check, monkeypatch):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)
    original = MembershipRepository.change_role_from

    async def demoting_fails(self, user_id, current, new):
        if new is Role.ADMIN:
            raise ConnectionError("the database went away")
        return await original(self, user_id, current, new)

    monkeypatch.setattr(MembershipRepository, "change_role_from", demoting_fails)

    with pytest.raises(ConnectionError):
        await transfer(owner, heir.user.id, check, redis)

    assert await roles(owner, heir) == [Role.OWNER, Role.MEMBER]


async def test_stopping_between_the_writes_leaves_two_owners_never_none(
    mongo, redis, check, monkeypatch
):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)
    failing_from_call(2, monkeypatch)  # the second write, and putting the member back

    with pytest.raises(ConnectionError):
        await transfer(owner, heir.user.id, check, redis)

    assert await roles(owner, heir) == [Role.OWNER, Role.OWNER]


async def test_of_two_transfers_at_once_one_passes(mongo, redis, check):
    owner = await create_signed_in()
    heirs = [await create_signed_in(account=owner.account, role=Role.MEMBER) for _ in range(2)]

    outcomes = await asyncio.gather(
        *(transfer(owner, heir.user.id, check, redis) for heir in heirs), return_exceptions=True
    )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "OwnerOnly",
        "OwnershipTransfer",
    ]
    assert sorted(await roles(owner, *heirs)) == sorted([Role.ADMIN, Role.OWNER, Role.MEMBER])


async def post_transfer(api, owner, heir_id, password: str = PASSWORD):
    return await api.post(
        "/v1/accounts/current/transfer-ownership",
        json={"user_id": str(heir_id), "password": password},
        headers=owner.headers,
    )


async def test_the_route_answers_the_new_owner_and_the_previous_one(api):
    owner = await create_signed_in(name="Olive")
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER, name="Hal")

    response = await post_transfer(api, owner, heir.user.id)

    assert response.status_code == 200
    body = response.json()
    assert (body["owner"]["name"], body["owner"]["role"]) == ("Hal", "owner")
    assert (body["previous_owner"]["name"], body["previous_owner"]["role"]) == ("Olive", "admin")
    assert await roles(owner, heir) == [Role.ADMIN, Role.OWNER]


async def test_the_route_refuses_a_wrong_password_with_its_code(api):
    owner = await create_signed_in()
    heir = await create_signed_in(account=owner.account, role=Role.MEMBER)

    response = await post_transfer(api, owner, heir.user.id, password="not the password")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "wrong_password"
    assert await roles(owner, heir) == [Role.OWNER, Role.MEMBER]


async def test_the_route_refuses_an_admin_with_its_code(api):
    owner = await create_signed_in()
    admin = await create_signed_in(account=owner.account, role=Role.ADMIN)

    response = await post_transfer(api, admin, admin.user.id)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "owner_only"
    assert await roles(owner, admin) == [Role.OWNER, Role.ADMIN]


async def test_the_route_answers_404_for_another_accounts_user(api):
    owner = await create_signed_in()
    stranger = await create_signed_in(role=Role.MEMBER)

    response = await post_transfer(api, owner, stranger.user.id)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert await roles(owner, stranger) == [Role.OWNER, Role.MEMBER]
