"""Another account's pipeline, and its stages, answer 404 on every route."""

import pytest

from shared.models.pipeline import Pipeline
from tests.factories import create_pipeline, create_signed_in

PIPELINE = "/v1/crm/pipelines/{pipeline}"
STAGE = "/v1/crm/pipelines/{pipeline}/stages/{stage}"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", PIPELINE, None),
        ("PATCH", PIPELINE, {"name": "Mine"}),
        ("DELETE", PIPELINE, None),
        ("GET", PIPELINE + "/board", None),
        ("POST", PIPELINE + "/stages", {"name": "Mine"}),
        ("PATCH", STAGE, {"name": "Mine"}),
        ("DELETE", STAGE, None),
        ("PUT", PIPELINE + "/stage-order", {"stage_ids": []}),
    ],
)
async def test_another_accounts_pipeline_answers_404(api, method, path, body):
    owner = await create_signed_in()
    theirs = await create_pipeline((await create_signed_in()).account, "Lead", "Won")
    url = path.format(pipeline=theirs.id, stage=theirs.stages[0].id)

    response = await api.request(method, url, json=body, headers=owner.headers)

    assert response.status_code == 404
    stored = await Pipeline.get(theirs.id)
    assert (stored.name, [stage.name for stage in stored.stages]) == ("Sales", ["Lead", "Won"])


async def test_another_pipelines_stage_answers_404_under_this_one(api):
    owner = await create_signed_in()
    mine, other = await create_pipeline(owner.account), await create_pipeline(owner.account)

    response = await api.patch(
        f"/v1/crm/pipelines/{mine.id}/stages/{other.stages[0].id}",
        json={"name": "Moved"},
        headers=owner.headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["message"].endswith(f"does not exist in {mine.name}.")
