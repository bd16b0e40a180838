"""PATCH /v1/crm/deals/{id}: changed fields, status and closing, each change logged."""

from shared.models.crm_log import CrmLog
from shared.models.deal import DealStatus
from shared.models.membership import Role
from tests.factories import create_deal, create_pipeline, create_signed_in


async def update(api, signed_in, deal, **fields):
    return await api.patch(f"/v1/crm/deals/{deal.id}", json=fields, headers=signed_in.headers)


async def logged(deal, action: str) -> dict:
    log = await CrmLog.find_one({"entity_id": deal.id, "action": action})
    return {change.field: (change.old, change.new) for change in log.changes}


async def test_only_the_fields_sent_change(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account), value=100)

    response = await update(api, owner, deal, title="Logo", currency="GBP")

    assert response.status_code == 200
    body = response.json()
    assert (body["title"], body["currency"], body["value"]) == ("Logo", "GBP", 100)


async def test_an_update_logs_each_changed_field_old_to_new(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account), value=100)

    await update(api, owner, deal, title="Logo", value=100, expected_close_date="2030-05-01")

    assert await logged(deal, "updated") == {
        "title": ("Website redesign", "Logo"),
        "expected_close_date": (None, "2030-05-01"),
    }


async def test_an_update_changing_nothing_logs_nothing(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    await update(api, owner, deal, title=deal.title)

    assert await CrmLog.find({"entity_id": deal.id}).count() == 0


async def test_winning_closes_the_deal_and_logs_a_status_change(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    response = await update(api, owner, deal, status="won")

    assert response.json()["closed_at"] is not None
    changes = await logged(deal, "status_changed")
    assert changes["status"] == ("open", "won")
    assert changes["closed_at"][0] is None


async def test_losing_needs_a_reason(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    response = await update(api, owner, deal, status="lost")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.lost_reason"


async def test_a_lost_deal_keeps_its_reason(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    response = await update(api, owner, deal, status="lost", lost_reason="Too expensive")

    body = response.json()
    assert (body["status"], body["lost_reason"]) == ("lost", "Too expensive")
    assert body["closed_at"] is not None


async def test_reopening_clears_the_close_and_the_reason(api):
    owner = await create_signed_in()
    deal = await create_deal(
        await create_pipeline(owner.account),
        status=DealStatus.LOST,
        lost_reason="Budget",
        closed_at="2024-01-01T00:00:00Z",
    )

    response = await update(api, owner, deal, status="open")

    body = response.json()
    assert (body["status"], body["lost_reason"], body["closed_at"]) == ("open", None, None)


async def test_null_clears_the_expected_close_date(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account), expected_close_date="2030-01-01")

    response = await update(api, owner, deal, expected_close_date=None)

    assert response.json()["expected_close_date"] is None


async def test_null_for_a_required_field_answers_422_naming_it(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    response = await update(api, owner, deal, title=None, currency=None)

    assert response.status_code == 422
    fields = [detail["field"] for detail in response.json()["error"]["details"]]
    assert fields == ["body.title", "body.currency"]


async def test_an_owner_who_is_not_a_user_of_the_account_answers_404(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    outsider = await create_signed_in()

    response = await update(api, owner, deal, owner_id=str(outsider.user.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"


async def test_a_member_takes_over_a_deal(api):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, Role.MEMBER)
    deal = await create_deal(await create_pipeline(owner.account), owner_id=owner.user.id)

    response = await update(api, owner, deal, owner_id=str(member.user.id))

    assert response.json()["owner_id"] == str(member.user.id)
    assert await logged(deal, "updated") == {"owner_id": (str(owner.user.id), str(member.user.id))}
