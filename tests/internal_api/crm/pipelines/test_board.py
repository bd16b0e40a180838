"""GET /v1/crm/pipelines/{id}/board: stages in order, open deals by position, totals."""

from shared.models.deal import DealStatus
from shared.models.membership import Role
from tests.factories import create_account, create_deal, create_pipeline, create_signed_in


async def read_board(api, signed_in, pipeline) -> dict:
    response = await api.get(f"/v1/crm/pipelines/{pipeline.id}/board", headers=signed_in.headers)
    assert response.status_code == 200
    return response.json()


async def test_the_board_lists_the_stages_in_order(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Proposal", "Won")

    board = await read_board(api, owner, pipeline)

    assert [stage["name"] for stage in board["stages"]] == ["Lead", "Proposal", "Won"]
    assert board["stages"][0]["id"] == str(pipeline.stages[0].id)


async def test_each_stage_lists_its_open_deals_by_position(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    first = await create_deal(pipeline)
    await create_deal(pipeline, status=DealStatus.WON)
    third = await create_deal(pipeline)

    board = await read_board(api, owner, pipeline)

    lead = board["stages"][0]
    assert [deal["id"] for deal in lead["deals"]] == [str(first.id), str(third.id)]


async def test_each_stage_totals_its_open_deals_per_currency(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline, value=1000, currency="EUR")
    await create_deal(pipeline, value=250, currency="EUR")
    await create_deal(pipeline, value=700, currency="USD")
    await create_deal(pipeline, value=9999, currency="USD", status=DealStatus.WON)

    board = await read_board(api, owner, pipeline)

    lead, qualified, _ = board["stages"]
    assert lead["count"] == 3
    assert lead["totals"] == [
        {"currency": "EUR", "value": 1250},
        {"currency": "USD", "value": 700},
    ]
    assert (qualified["count"], qualified["totals"]) == (0, [])


async def test_a_restricted_member_sees_only_their_deals_on_the_board(api):
    account = await create_account(restrict_members_to_own_records=True)
    owner = await create_signed_in(account)
    member = await create_signed_in(account, Role.MEMBER)
    pipeline = await create_pipeline(account)
    mine = await create_deal(pipeline, owner_id=member.user.id, value=100)
    await create_deal(pipeline, owner_id=owner.user.id, value=5000)

    board = await read_board(api, member, pipeline)

    lead = board["stages"][0]
    assert [deal["id"] for deal in lead["deals"]] == [str(mine.id)]
    assert (lead["count"], lead["totals"]) == (1, [{"currency": "USD", "value": 100}])
