"""A user of one account gets 404 for every deal route on another account's deal."""

import pytest

from shared.models.deal import Deal
from tests.factories import create_deal, create_pipeline, create_signed_in


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"title": "Mine"}),
        ("DELETE", "", None),
        ("POST", "/move", {"stage_id": "same"}),
        ("GET", "/activities", None),
        ("GET", "/notes", None),
        ("POST", "/notes", {"body": "Mine"}),
    ],
)
async def test_another_accounts_deal_answers_404(api, method, suffix, body):
    owner = await create_signed_in()
    theirs = await create_deal(await create_pipeline((await create_signed_in()).account))
    if body and body.get("stage_id") == "same":
        body = {"stage_id": str(theirs.stage_id)}

    response = await api.request(
        method, f"/v1/crm/deals/{theirs.id}{suffix}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert (await Deal.get(theirs.id)).title == "Website redesign"


async def test_another_accounts_deals_are_never_listed(api):
    owner = await create_signed_in()
    await create_deal(await create_pipeline((await create_signed_in()).account))

    response = await api.get("/v1/crm/deals", headers=owner.headers)

    assert response.json()["data"] == []
