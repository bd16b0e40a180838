"""Record-level visibility: restricted members see what they own or follow; 404 otherwise."""

import pytest
from beanie import PydanticObjectId, init_beanie

from internal_api.crm.visibility import VisibleRepository, visibility_filter
from shared.models.base import TenantDocument
from shared.models.membership import Role
from shared.utilities.errors import NotFound
from tests.factories import create_account, create_signed_in


class Card(TenantDocument):
    owner_id: PydanticObjectId | None = None
    follower_ids: list[PydanticObjectId] = []

    class Settings:
        name = "test_cards"


@pytest.fixture
async def restricted_account(mongo):
    await init_beanie(database=mongo, document_models=[Card])
    return await create_account(restrict_members_to_own_records=True)


async def repository_for(signed_in) -> VisibleRepository:
    principal = signed_in.state.principal()
    return VisibleRepository(Card, principal.account_id, await visibility_filter(principal))


async def test_a_restricted_member_sees_what_they_own_or_follow(restricted_account):
    member = await create_signed_in(restricted_account, Role.MEMBER)
    mine = await Card(account_id=restricted_account.id, owner_id=member.user.id).insert()
    followed = await Card(account_id=restricted_account.id, follower_ids=[member.user.id]).insert()
    await Card(account_id=restricted_account.id, owner_id=PydanticObjectId()).insert()

    visible = await (await repository_for(member)).list(sort="created_at")

    assert [card.id for card in visible] == [mine.id, followed.id]


async def test_a_record_hidden_from_a_member_answers_not_found(restricted_account):
    member = await create_signed_in(restricted_account, Role.MEMBER)
    hidden = await Card(account_id=restricted_account.id, owner_id=PydanticObjectId()).insert()

    with pytest.raises(NotFound):
        await (await repository_for(member)).get(hidden.id)


async def test_an_admin_of_a_restricted_account_sees_everything(restricted_account):
    admin = await create_signed_in(restricted_account, Role.ADMIN)
    await Card(account_id=restricted_account.id, owner_id=PydanticObjectId()).insert()

    assert await (await repository_for(admin)).count() == 1


async def test_members_of_an_unrestricted_account_see_everything(mongo):
    await init_beanie(database=mongo, document_models=[Card])
    account = await create_account()
    member = await create_signed_in(account, Role.MEMBER)
    await Card(account_id=account.id, owner_id=PydanticObjectId()).insert()

    assert await visibility_filter(member.state.principal()) == {}
    assert await (await repository_for(member)).count() == 1
