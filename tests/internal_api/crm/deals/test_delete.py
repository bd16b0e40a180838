"""DELETE /v1/crm/deals/{id}: the deal and its notes go, its stage closes up, it is logged."""

from shared.models.crm_log import CrmLog
from shared.models.crm_note import CrmNote
from shared.models.deal import Deal
from tests.factories import create_deal, create_pipeline, create_signed_in


async def test_deleting_a_deal_closes_the_gap_in_its_stage(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    a, b, c = [await create_deal(pipeline) for _ in range(3)]

    response = await api.delete(f"/v1/crm/deals/{b.id}", headers=owner.headers)

    assert response.status_code == 204
    assert await Deal.get(b.id) is None
    assert [(await Deal.get(deal.id)).position for deal in (a, c)] == [0, 1]


async def test_deleting_a_deal_is_logged_with_its_last_values(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    await api.delete(f"/v1/crm/deals/{deal.id}", headers=owner.headers)

    log = await CrmLog.find_one({"entity_id": deal.id, "action": "deleted"})
    changes = {change.field: (change.old, change.new) for change in log.changes}
    assert changes["title"] == ("Website redesign", None)


async def test_deleting_a_deal_deletes_its_notes(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    await CrmNote(
        account_id=owner.account.id, deal_id=deal.id, author_id=owner.user.id, body="x"
    ).insert()

    await api.delete(f"/v1/crm/deals/{deal.id}", headers=owner.headers)

    assert await CrmNote.find({"deal_id": deal.id}).count() == 0
