"""Deals the way the dashboard reaches them: gateway -> router -> internal_api."""

from tests.e2e import test_chain

# The whole chain on real ports, and a signed-up agency's session.
dashboard = test_chain.dashboard
jobs = test_chain.jobs
sign_up = test_chain.sign_up


async def test_an_agency_owner_switched_into_a_sub_account_works_its_deals(dashboard, jobs):
    session = await sign_up(dashboard, "Acme", jobs)
    me = (await dashboard.get("/v1/users/me", headers=session)).json()
    client = await dashboard.post(
        "/v1/accounts/sub-accounts", json={"name": "Client Co"}, headers=session
    )
    await dashboard.post(
        "/v1/auth/switch-account", json={"account_id": client.json()["id"]}, headers=session
    )
    pipeline = await dashboard.post(
        "/v1/crm/pipelines", json={"name": "Sales", "stages": ["Lead", "Won"]}, headers=session
    )

    deal = await dashboard.post(
        "/v1/crm/deals",
        json={
            "title": "Client site",
            "pipeline_id": pipeline.json()["id"],
            "stage_id": pipeline.json()["stages"][0]["id"],
            "follower_ids": [me["user"]["id"]],
        },
        headers=session,
    )

    assert deal.status_code == 201, deal.text
    assert deal.json()["owner_id"] == me["user"]["id"]
    board = await dashboard.get(f"/v1/crm/pipelines/{pipeline.json()['id']}/board", headers=session)
    assert [d["id"] for d in board.json()["stages"][0]["deals"]] == [deal.json()["id"]]
