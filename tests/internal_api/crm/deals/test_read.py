"""Reading deals: one by id, the filtered list, and a deal's history."""

import pytest

from shared.models.deal import DealStatus
from shared.models.membership import Role
from tests.factories import (
    create_account,
    create_contact,
    create_deal,
    create_pipeline,
    create_signed_in,
)


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["data"]]


async def test_a_deal_is_read_by_its_id(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account), value=990, currency="JPY")

    response = await api.get(f"/v1/crm/deals/{deal.id}", headers=owner.headers)

    assert response.status_code == 200
    assert (response.json()["value"], response.json()["currency"]) == (990, "JPY")


async def test_the_list_is_paginated_and_sorted(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    _, big, middle = [await create_deal(pipeline, value=value) for value in (1, 300, 20)]

    response = await api.get("/v1/crm/deals?sort=-value&limit=2", headers=owner.headers)

    assert ids(response) == [str(big.id), str(middle.id)]
    assert response.json()["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_sorting_by_an_unknown_field_answers_422(api):
    owner = await create_signed_in()

    response = await api.get("/v1/crm/deals?sort=password", headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_the_list_is_filtered_by_pipeline_stage_status_and_owner(api):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, Role.MEMBER)
    sales, other = await create_pipeline(owner.account), await create_pipeline(owner.account)
    wanted = await create_deal(sales, sales.stages[1], owner_id=member.user.id)
    await create_deal(sales, sales.stages[1], owner_id=member.user.id, status=DealStatus.WON)
    await create_deal(sales, sales.stages[1], owner_id=owner.user.id)
    await create_deal(sales, sales.stages[0], owner_id=member.user.id)
    await create_deal(other, other.stages[1], owner_id=member.user.id)
    params = {
        "pipeline_id": str(sales.id),
        "stage_id": str(sales.stages[1].id),
        "status": "open",
        "owner_id": str(member.user.id),
    }

    response = await api.get("/v1/crm/deals", params=params, headers=owner.headers)

    assert ids(response) == [str(wanted.id)]


async def test_the_list_is_filtered_by_contact(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    contact = await create_contact(owner.account)
    linked = await create_deal(pipeline, contact_ids=[contact.id])
    await create_deal(pipeline)

    response = await api.get(f"/v1/crm/deals?contact_id={contact.id}", headers=owner.headers)

    assert ids(response) == [str(linked.id)]


@pytest.mark.parametrize("query", ["pipeline_id=nope", "status=pending", "limit=101"])
async def test_a_bad_filter_answers_422(api, query):
    owner = await create_signed_in()

    response = await api.get(f"/v1/crm/deals?{query}", headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_restricted_member_lists_only_deals_they_own_or_follow(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    pipeline = await create_pipeline(account)
    owned = await create_deal(pipeline, owner_id=member.user.id)
    followed = await create_deal(pipeline, follower_ids=[member.user.id])
    await create_deal(pipeline)

    response = await api.get("/v1/crm/deals?sort=created_at", headers=member.headers)

    assert ids(response) == [str(owned.id), str(followed.id)]


async def test_a_deal_hidden_from_a_restricted_member_answers_404(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    hidden = await create_deal(await create_pipeline(account))

    response = await api.get(f"/v1/crm/deals/{hidden.id}", headers=member.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_deals_history_lists_its_changes_newest_first(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    created = await api.post(
        "/v1/crm/deals",
        json={
            "title": "Logo",
            "pipeline_id": str(pipeline.id),
            "stage_id": str(pipeline.stages[0].id),
        },
        headers=owner.headers,
    )
    deal_id = created.json()["id"]
    await api.patch(f"/v1/crm/deals/{deal_id}", json={"status": "won"}, headers=owner.headers)

    response = await api.get(f"/v1/crm/deals/{deal_id}/activities", headers=owner.headers)

    assert response.status_code == 200
    actions = [entry["action"] for entry in response.json()["data"]]
    assert actions == ["status_changed", "created"]


async def test_a_hidden_deals_history_answers_404(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    hidden = await create_deal(await create_pipeline(account))

    response = await api.get(f"/v1/crm/deals/{hidden.id}/activities", headers=member.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_reading_deals_needs_the_deals_read_scope(api):
    owner = await create_signed_in()
    await owner.membership.set(
        {"scopes": [scope for scope in owner.membership.scopes if scope != "deals:read"]}
    )

    response = await api.get("/v1/crm/deals", headers=owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "deals:read"}]
